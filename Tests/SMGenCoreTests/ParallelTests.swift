import Foundation
import Testing

@testable import SMGenCore

@Suite("Parallel work")
struct ParallelTests {
    private struct Failure: Error, Equatable {
        let element: Int
    }

    @Test func mapKeepsTheOrderAndTransformsEachElementOnce() throws {
        let elements = Array(0..<1_000)
        let counter = Counter()
        let results = Parallel.map(elements) { element -> Int in
            counter.add(element)
            return element * 2
        }
        #expect(results == elements.map { $0 * 2 })
        #expect(counter.seen == elements)
    }

    @Test(arguments: [(0, 0), (1, 0), (0, 1), (3, 700), (700, 3), (500, 500)])
    func lanesKeepEachListsOrderAndTransformEachElementOnce(firstCount: Int, secondCount: Int) {
        let first = Array(0..<firstCount)
        let second = Array(10_000..<(10_000 + secondCount))
        let counter = Counter()
        let (fromFirst, fromSecond) = Parallel.lanes(first, second) { element -> String in
            counter.add(element)
            return "#\(element)"
        }
        #expect(fromFirst == first.map { "#\($0)" })
        #expect(fromSecond == second.map { "#\($0)" })
        #expect(counter.seen == first + second)
    }

    @Test func lanesThrowAnErrorOfEitherList() {
        #expect(throws: Failure(element: 10_042)) {
            _ = try Parallel.lanes(Array(0..<100), Array(10_000..<10_100)) { (element: Int) throws(Failure) -> Int in
                if element == 10_042 { throw Failure(element: element) }
                return element
            }
        }
    }
}

/// The elements a parallel transform saw, from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var elements: [Int] = []

    func add(_ element: Int) { lock.withLock { elements.append(element) } }

    /// Every element seen, sorted (each as many times as it was seen).
    var seen: [Int] { lock.withLock { elements.sorted() } }
}
