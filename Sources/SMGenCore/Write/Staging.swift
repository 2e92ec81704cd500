import CFileOps
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension OutputWriter {
    /// A new output being written beside `output`: each environment's complete tree is
    /// staged in a folder of its own while it is rendered, and only `commit` swaps them in,
    /// each in one step (at every instant `<output>/<env>` is a whole old or a whole new
    /// tree), all of them or, when one fails, none.
    ///
    /// The output folder is locked while a staging lives: a second render into it is refused.
    /// What earlier renders that were killed left behind is removed first. Only what smgen
    /// generated is ever replaced: an output folder or environment folder holding anything
    /// that no smgen manifest lists (a file, a folder, a symbolic link) is refused, untouched,
    /// before anything is staged for it. Whatever was staged and not committed is removed,
    /// also when the process is interrupted (`abandonAll`).
    final class Staging: @unchecked Sendable {
        private let output: String
        private let token = UUID().uuidString
        /// The output folder, open and locked.
        private let folder: Int32
        /// Each environment's folder and its staging folder, which holds the new tree until
        /// the commit and the old one after it, until removed.
        private var staged: [(final: String, new: String)] = []
        /// Whether `output` was made here (and so is removed again when nothing is committed).
        private let madeOutput: Bool
        private var committed = false
        private let gate = WriteGate()
        /// The files each environment folder's manifest lists, as read once.
        private var generated: [String: Set<String>?] = [:]

        /// Prepares `output`: refuses a path that is not a folder, a folder that is not empty
        /// and holds no smgen output, and one another render is writing into; creates it
        /// when missing; removes what killed renders left in it.
        init(output: URL) throws {
            self.output = output.path
            madeOutput = try Self.prepare(output.path)
            folder = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folder >= 0 else {
                throw Refusal(description: "cannot open the output folder \(output.path): \(PosixFiles.reason(errno))")
            }
            guard flock(folder, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                close(folder)
                throw Refusal(
                    description: busy
                        ? "another smgen render is writing into \(output.path); run this one when it has finished"
                        : "cannot lock the output folder \(output.path): \(PosixFiles.reason(errno))")
            }
            let entries = PosixFiles.names(in: output.path)
            for entry in entries where entry.hasPrefix(".smgen-new-") || entry.hasPrefix(".smgen-old-") {
                PosixFiles.removeTree(output.path + "/" + entry)
            }
            let kept = entries.filter { !$0.hasPrefix(".smgen-") }
            if !kept.isEmpty && !kept.contains(where: { generatedFiles(of: $0) != nil }) {
                close(folder)
                throw Refusal(
                    description:
                        "\(output.path) is not empty and holds no smgen output (no <env>/manifest.json); choose another folder with -o"
                )
            }
            LiveStagings.shared.add(self)
        }

        /// Makes sure `path` is a folder, creating it (and its parents) when missing: true
        /// when it was created.
        private static func prepare(_ path: String) throws -> Bool {
            var status = stat()
            if lstat(path, &status) == 0 {
                if (status.st_mode & S_IFMT) == S_IFLNK, stat(path, &status) != 0 {
                    throw Refusal(
                        description:
                            "\(path) is a symbolic link to \(PosixFiles.linkTarget(path)), which does not exist; create that folder or choose another with -o"
                    )
                }
                if (status.st_mode & S_IFMT) != S_IFDIR {
                    throw Refusal(description: "\(path) is a file, not a folder; choose another folder with -o")
                }
                return false
            }
            guard errno == ENOENT else {
                throw Refusal(description: "cannot use the output folder \(path): \(PosixFiles.reason(errno))")
            }
            do {
                try PosixFiles.makeDirectories(path)
            } catch {
                throw Refusal(description: "cannot create the output folder \(path): \(error.reason)")
            }
            return true
        }

        /// A sink that writes `environment`'s files into its staging folder, after checking that
        /// replacing `<output>/<environment>/` removes nothing smgen did not generate.
        func sink(for environment: String) throws -> some RenderedFileSink {
            let directory = output + "/" + environment
            var status = stat()
            let exists = lstat(directory, &status) == 0
            if exists {
                guard (status.st_mode & S_IFMT) == S_IFDIR, let generated = generatedFiles(of: environment) else {
                    throw Refusal(
                        description:
                            "\(directory) exists but is not an smgen output (it has no manifest.json); move it away or choose another folder with -o"
                    )
                }
                let foreign = PosixFiles.foreignEntries(under: directory, keeping: generated)
                if !foreign.isEmpty {
                    throw Refusal(
                        description:
                            "\(directory) holds what smgen did not generate (\(foreign.prefix(5).joined(separator: ", "))\(foreign.count > 5 ? ", ..." : "")); move it away first"
                    )
                }
            }
            let staging = output + "/.smgen-new-\(environment)-\(token)"
            gate.exclusively(close: false) { staged.append((directory, staging)) }
            do {
                try PosixFiles.makeDirectories(staging)
            } catch {
                throw Refusal(description: "cannot create a folder in \(output): \(error.reason)")
            }
            return StagingSink(root: staging, previous: exists ? directory : nil, gate: gate)
        }

        private func generatedFiles(of entry: String) -> Set<String>? {
            if let known = generated[entry] { return known }
            let found = OutputWriter.generatedFiles(in: URL(fileURLWithPath: output + "/" + entry))
            generated[entry] = found
            return found
        }

        /// Swaps every staged tree in, replacing what smgen wrote there before, once all of
        /// them are on disk. When one cannot be swapped in, the ones before it are swapped
        /// back: the output is left as it was.
        func commit() throws {
            try gate.exclusively(close: true) {
                guard smgen_sync_file_system(folder) == 0 else {
                    throw Refusal(description: "cannot write the output to disk: \(PosixFiles.reason(errno))")
                }
                var swapped: [(final: String, new: String, exchanged: Bool)] = []
                for entry in staged {
                    do {
                        swapped.append((entry.final, entry.new, try Self.swapIn(entry.new, at: entry.final)))
                    } catch {
                        for done in swapped.reversed() {
                            Self.swapBack(done.new, from: done.final, exchanged: done.exchanged)
                        }
                        throw Refusal(
                            description: "cannot replace \(entry.final): \(error.reason); the output is unchanged")
                    }
                }
                committed = true
            }
            // The staging folders now hold the old trees.
            for entry in staged { PosixFiles.removeTree(entry.new) }
            gate.exclusively(close: true) { staged = [] }
        }

        /// Moves the tree at `new` to `final`: true when it exchanged it with a tree there
        /// (`new` then holds the old tree), false when nothing was there.
        private static func swapIn(_ new: String, at final: String) throws(PosixFiles.Failure) -> Bool {
            var status = stat()
            guard lstat(final, &status) == 0 else {
                guard rename(new, final) == 0 else { throw PosixFiles.Failure("move", new) }
                return false
            }
            try exchange(new, final)
            return true
        }

        /// Undoes `swapIn`.
        private static func swapBack(_ new: String, from final: String, exchanged: Bool) {
            if exchanged { try? exchange(new, final) } else { rename(final, new) }
        }

        /// Exchanges the trees at `a` and `b`: in one step, or, on a file system that cannot,
        /// by moving `b` aside, `a` to `b`, and the one aside to `a` (`b` is put back when `a`
        /// cannot move).
        private static func exchange(_ a: String, _ b: String) throws(PosixFiles.Failure) {
            if smgen_exchange(AT_FDCWD, a, AT_FDCWD, b) == 0 { return }
            guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else { throw PosixFiles.Failure("move", a) }
            let aside = a + "-old"
            guard rename(b, aside) == 0 else { throw PosixFiles.Failure("move", b) }
            guard rename(a, b) == 0 else {
                let failure = PosixFiles.Failure("move", a)
                rename(aside, b)
                throw failure
            }
            rename(aside, a)
        }

        /// Removes every staging folder: the ones not committed hold new trees, the ones
        /// committed old trees. Waits for the files being written, and lets no more in.
        func abandon() {
            gate.exclusively(close: true) {
                for entry in staged { PosixFiles.removeTree(entry.new) }
                staged = []
                if madeOutput && !committed { rmdir(output) }
            }
        }

        deinit {
            abandon()
            LiveStagings.shared.remove(self)
            close(folder)
        }
    }

    /// Removes what every staging of this process wrote and did not commit, and lets none
    /// write again: for a process about to exit on a signal.
    public static func abandonAll() {
        for staging in LiveStagings.shared.all { staging.abandon() }
    }
}
