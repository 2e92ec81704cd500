import Foundation
import SMGenYAML

/// Everything that differs between an environment's existing output tree and a fresh
/// rendering: stacks and their resources, access, and the other generated files.
public struct EnvironmentDiff: Sendable {
    public enum FileKind: String, Sendable { case added, removed, changed }

    public let environment: String
    public let stacks: [StackChange]
    public let access: [AccessChange]
    /// Files other than stack templates (policies, scripts, README) that differ.
    public let files: [(path: String, kind: FileKind)]

    public var isEmpty: Bool { stacks.isEmpty && access.isEmpty && files.isEmpty }

    /// Compares `tree` (nil: the environment is no longer in the config) with the files in
    /// `directory` (missing: nothing was rendered there yet). Templates are compared with the
    /// environment's account, region and imports filled in by `resolver`, as people read them.
    static func compare(environment: String, tree: RenderedTree?, existing directory: String, resolver: PolicyResolver)
        -> EnvironmentDiff
    {
        var resolver = resolver
        resolver.lenient = true
        let read = { (bytes: [UInt8]) in
            TemplateReader.value(of: String(decoding: bytes, as: UTF8.self)).map(resolver.resolve)
        }
        let newFiles = tree?.files ?? [:]
        let oldPaths = PosixFiles.files(under: directory)
        var oldFiles: [String: [UInt8]] = [:]
        for path in oldPaths {
            if let bytes = PosixFiles.contents(of: directory + "/" + path) { oldFiles[path] = bytes }
        }
        var files: [(path: String, kind: FileKind)] = []
        var oldTemplates: [String: YAMLValue] = [:]
        var newTemplates: [String: YAMLValue] = [:]
        var stackNames: [String] = []
        for path in Set(oldFiles.keys).union(newFiles.keys).sorted() {
            let before = oldFiles[path]
            let after = newFiles[path]
            // The manifest only records digests of the other files (and of the config, which
            // changes with every comment): what it describes is compared file by file.
            if before == after || path == "manifest.json" { continue }
            guard let name = stackName(path) else {
                files.append((path, before == nil ? .added : (after == nil ? .removed : .changed)))
                continue
            }
            stackNames.append(name)
            oldTemplates[name] = before.flatMap(read)
            newTemplates[name] = after.flatMap(read)
        }
        let stacks = stackNames.compactMap { name -> StackChange? in
            let old = oldTemplates[name]
            let new = newTemplates[name]
            let resources = ResourceDiff.changes(old: old, new: new)
            let kind: StackChange.Kind = old == nil ? .added : (new == nil ? .removed : .modified)
            guard kind == .modified else {
                return StackChange(name: name, kind: kind, resources: resources, template: [])
            }
            let template = ["Description", "Outputs"].flatMap { ResourceDiff.differences(old?[$0], new?[$0], path: $0) }
            return resources.isEmpty && template.isEmpty
                ? nil : StackChange(name: name, kind: kind, resources: resources, template: template)
        }
        return EnvironmentDiff(
            environment: environment, stacks: stacks, access: AccessDiff.changes(old: oldTemplates, new: newTemplates),
            files: files)
    }

    private static func stackName(_ path: String) -> String? {
        guard path.hasPrefix("stacks/"), path.hasSuffix(".yaml") else { return nil }
        return String(path.dropFirst("stacks/".count).dropLast(".yaml".count))
    }
}
