/// The writers build their output as bytes, not as a String: these append text and numbers
/// to a byte buffer without intermediate Strings.
extension [UInt8] {
    /// Appends `text`'s UTF-8 bytes in one copy.
    @inline(__always)
    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends `count` spaces.
    @inline(__always)
    mutating func writeSpaces(_ count: Int) {
        if count <= spaces.count {
            spaces.withUnsafeBufferPointer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
        } else {
            append(contentsOf: repeatElement(0x20, count: count))
        }
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
}

/// Enough spaces for any indent the writers reach, copied at once.
private let spaces = [UInt8](repeating: 0x20, count: 128)
