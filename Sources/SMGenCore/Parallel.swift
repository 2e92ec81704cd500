import Dispatch
import Foundation

/// Runs independent work on every core: the output of a large org is thousands of files,
/// each rendered and written on its own.
enum Parallel {
    /// `transform` applied to each element, in order, computed concurrently: each core takes
    /// the next element not yet taken, so that none waits at the end for another's share.
    static func map<Element, Result, Failure: Error>(
        _ elements: [Element], _ transform: (Element) throws(Failure) -> Result
    ) throws(Failure) -> [Result] {
        if elements.count < 64 { return try elements.map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: elements.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let queue = LaneQueue(counts: [elements.count])
        let failure = FirstFailure<Failure>()
        withoutActuallyEscaping(transform) { transform in
            let box = Unchecked((elements, transform, results))
            DispatchQueue.concurrentPerform(iterations: max(2, ProcessInfo.processInfo.activeProcessorCount)) { _ in
                let (elements, transform, results) = box.value
                while let (_, index) = queue.take(preferring: 0) {
                    do throws(Failure) { results[index] = try transform(elements[index]) } catch {
                        failure.record(error)
                    }
                }
            }
        }
        if let error = failure.error { throw error }
        return results.map { $0! }
    }

    /// `transform` applied to each element of `first` and of `second`, in order, on every
    /// core: half the cores take the first list's elements and half the second's while they
    /// last, and a core whose list is done helps with the other, from its end. For two kinds
    /// of work that contend with their own kind but not with each other: the files of two
    /// folders (creating a file locks its folder, so cores creating files in one folder
    /// wait for each other).
    static func lanes<Element, Result, Failure: Error>(
        _ first: [Element], _ second: [Element],
        _ transform: (Element) throws(Failure) -> Result
    ) throws(Failure) -> ([Result], [Result]) {
        let lists = [first, second]
        let results = lists.map { UnsafeMutableBufferPointer<Result?>.allocate(capacity: $0.count) }
        for buffer in results { buffer.initialize(repeating: nil) }
        defer {
            for buffer in results {
                buffer.deinitialize()
                buffer.deallocate()
            }
        }
        let queue = LaneQueue(counts: lists.map(\.count))
        let failure = FirstFailure<Failure>()
        withoutActuallyEscaping(transform) { transform in
            let box = Unchecked((lists, transform, results))
            DispatchQueue.concurrentPerform(iterations: max(2, ProcessInfo.processInfo.activeProcessorCount)) {
                worker in
                let (lists, transform, results) = box.value
                while let (list, index) = queue.take(preferring: worker % 2) {
                    do throws(Failure) { results[list][index] = try transform(lists[list][index]) } catch {
                        failure.record(error)
                    }
                }
            }
        }
        if let error = failure.error { throw error }
        return (results[0].map { $0! }, results[1].map { $0! })
    }

    /// `first()` and `second()`, computed at the same time.
    static func pair<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        let firstResult = UnsafeMutablePointer<First>.allocate(capacity: 1)
        let secondResult = UnsafeMutablePointer<Second>.allocate(capacity: 1)
        defer {
            firstResult.deallocate()
            secondResult.deallocate()
        }
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let box = Unchecked((first, second, firstResult, secondResult))
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    let (first, second, firstResult, secondResult) = box.value
                    if index == 0 { firstResult.initialize(to: first()) } else { secondResult.initialize(to: second()) }
                }
            }
        }
        return (firstResult.move(), secondResult.move())
    }
}

/// Hands values to `concurrentPerform`'s workers, which touch disjoint slots only.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The elements of one or two lists not yet taken: a worker takes the next one of its own
/// list, or else the last one of the other.
private final class LaneQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next: [Int]
    private var end: [Int]

    init(counts: [Int]) {
        next = counts.map { _ in 0 }
        end = counts
    }

    /// The list and index of the element to transform next, nil when none is left.
    func take(preferring lane: Int) -> (list: Int, index: Int)? {
        lock.withLock {
            if next[lane] < end[lane] {
                next[lane] += 1
                return (lane, next[lane] - 1)
            }
            let other = 1 - lane
            guard other < next.count, next[other] < end[other] else { return nil }
            end[other] -= 1
            return (other, end[other])
        }
    }
}

/// The first error any worker threw.
private final class FirstFailure<Failure: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Failure?
    var error: Failure? { lock.withLock { first } }
    func record(_ error: Failure) { lock.withLock { if first == nil { first = error } } }
}
