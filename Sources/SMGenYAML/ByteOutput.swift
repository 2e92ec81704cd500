/// The writers build their output as bytes, not as a String, in this buffer: a byte or a
/// run of bytes is appended with one capacity check and no reference counting (an array
/// checks that it is uniquely referenced at every append, which the writers do millions of
/// times a render). Not copyable: it owns its memory, freed when it goes away.
struct ByteOutput: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes written, as an array.
    consuming func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// Room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Appends `text`'s UTF-8 bytes in one copy.
    @inline(__always)
    mutating func write(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// Appends a literal's UTF-8 bytes.
    @inline(__always)
    mutating func write(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `count` spaces.
    @inline(__always)
    mutating func writeSpaces(_ spaces: Int) {
        reserve(spaces)
        (start + count).initialize(repeating: 0x20, count: spaces)
        count += spaces
    }

    /// Appends `number` in decimal, as `String(number)` writes it.
    mutating func writeDecimal(_ number: Int) {
        if number < 0 { append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// Removes the byte at `index`, moving the later ones down.
    mutating func remove(at index: Int) {
        precondition(index >= 0 && index < count, "index out of range")
        UnsafeMutableRawPointer(start + index).copyMemory(from: start + index + 1, byteCount: count - index - 1)
        count -= 1
    }
}

extension String {
    /// `body` applied to the UTF-8 bytes of this string, without copying the string first
    /// (native and small strings are contiguous; others are copied once). Inlinable, so that
    /// callers in other modules get it specialized (no generic metadata looked up per call).
    @inlinable @inline(__always)
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
