import Dispatch
import Foundation

/// Runs independent work on every core: the output of a large org is thousands of files,
/// each rendered and written on its own.
enum Parallel {
    /// `transform` applied to each element, in order, computed concurrently.
    static func map<Element, Result, Failure: Error>(_ elements: [Element], _ transform: (Element) throws(Failure) -> Result) throws(Failure) -> [Result] {
        if elements.count < 64 { return try elements.map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: elements.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        let failure = FirstFailure<Failure>()
        let chunks = min(elements.count, 64)
        withoutActuallyEscaping(transform) { transform in
            let box = Unchecked((elements, transform, results))
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let (elements, transform, results) = box.value
                var index = chunk
                while index < elements.count {
                    do throws(Failure) { results[index] = try transform(elements[index]) } catch { failure.record(error) }
                    index += chunks
                }
            }
        }
        if let error = failure.error { throw error }
        return results.map { $0! }
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

/// The first error any worker threw.
private final class FirstFailure<Failure: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Failure?
    var error: Failure? { lock.withLock { first } }
    func record(_ error: Failure) { lock.withLock { if first == nil { first = error } } }
}
