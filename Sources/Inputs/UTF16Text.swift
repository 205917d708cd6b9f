/// Text files in UTF-16, as Windows tools (PowerShell's `>`, Notepad's "Unicode") write them.
///
/// A credential in UTF-16 has a NUL between its letters, so no rule sees it; such files are
/// decoded to UTF-8 and scanned again. Only files that start with a byte-order mark are taken
/// for UTF-16: without one, guessing would turn binary files into noise.
public enum UTF16Text {
    public enum ByteOrder: Sendable {
        case littleEndian
        case bigEndian
    }

    /// The byte order a UTF-16 byte-order mark at the start of `head` gives, or nil.
    public static func byteOrder(of head: UnsafeRawBufferPointer) -> ByteOrder? {
        guard head.count >= 2 else { return nil }
        switch (head[0], head[1]) {
        case (0xFF, 0xFE): return .littleEndian
        case (0xFE, 0xFF): return .bigEndian
        default: return nil
        }
    }

    /// `bytes` (starting with the byte-order mark) decoded to UTF-8, without the mark;
    /// unpaired surrogates become U+FFFD.
    public static func decode(_ bytes: [UInt8], byteOrder: ByteOrder) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(byteOrder == .littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): decoded.append(contentsOf: String(scalar).utf8)
            case .error: decoded.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .emptyInput: break loop
            }
        }
        return decoded
    }
}
