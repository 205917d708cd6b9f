/// Turns byte offsets into 1-based lines and code-point columns, moving forward only.
///
/// Lines end at LF (so CRLF too); a lone CR, form feed or U+2028 is a character inside a line.
/// Columns count UTF-8 code points, that is, bytes that are not continuation bytes, so invalid
/// UTF-8 still gives a column. A UTF-8 byte-order mark at the start of a file is not a column.
struct LineTracker {
    /// The absolute byte offset the line and column below describe.
    private(set) var position = 0
    private(set) var line = 1
    private(set) var column = 1

    /// Starts tracking a file whose first bytes are `head`; skips a byte-order mark.
    init(head: UnsafeRawBufferPointer) {
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF {
            position = 3
        }
    }

    /// Moves to absolute offset `target`; `buffer` holds the file's bytes from offset `base`.
    /// Does nothing when `target` is behind the current position.
    mutating func advance(to target: Int, in buffer: UnsafeRawBufferPointer, base: Int) {
        guard target > position else { return }
        let (lines, column) = LineTracker.measure(
            buffer, from: position - base, to: target - base, column: column)
        line += lines
        self.column = column
        position = target
    }

    /// Counts line ends in `buffer[from..<to]` and the column reached, starting at `column`.
    ///
    /// Runs at memory speed: line ends are counted with SIMD, and code points are counted only
    /// after the last line end, where the column restarts.
    static func measure(_ buffer: UnsafeRawBufferPointer, from: Int, to: Int, column: Int)
        -> (lines: Int, column: Int)
    {
        guard from < to, let base = buffer.baseAddress else { return (0, column) }
        let lines = count(base, from: from, to: to, countsLineEnds: true)
        guard lines > 0 else {
            return (0, column + count(base, from: from, to: to, countsLineEnds: false))
        }
        var lineStart = to
        while base.load(fromByteOffset: lineStart - 1, as: UInt8.self) != 0x0A { lineStart -= 1 }
        return (lines, 1 + count(base, from: lineStart, to: to, countsLineEnds: false))
    }

    /// Counts the line ends (LF), or else the code points (bytes that are not UTF-8
    /// continuation bytes), in `base[from..<to]`, 16 bytes at a time. The vector loop matches
    /// LF, or continuation bytes (`10xxxxxx`), whose count it subtracts.
    @inline(__always)
    private static func count(_ base: UnsafeRawPointer, from: Int, to: Int, countsLineEnds: Bool)
        -> Int
    {
        let target = SIMD16<UInt8>(repeating: countsLineEnds ? 0x0A : 0x80)
        let mask = SIMD16<UInt8>(repeating: countsLineEnds ? 0xFF : 0xC0)
        var total = 0
        var position = from
        while to - position >= 16 {
            // Each lane adds 0xFF (minus one) per hit; flushed before a lane can wrap.
            var lanes = SIMD16<UInt8>(repeating: 0)
            let rounds = min((to - position) / 16, 255)
            for _ in 0..<rounds {
                let bytes = (base + position).loadUnaligned(as: SIMD16<UInt8>.self)
                lanes &+= unsafeBitCast(bytes & mask .== target, to: SIMD16<UInt8>.self)
                position += 16
            }
            let matches = Int((0 &- lanes).laneSum)
            total += countsLineEnds ? matches : rounds * 16 - matches
        }
        while position < to {
            let byte = base.load(fromByteOffset: position, as: UInt8.self)
            if countsLineEnds ? byte == 0x0A : byte & 0xC0 != 0x80 { total += 1 }
            position += 1
        }
        return total
    }
}

extension SIMD16<UInt8> {
    /// The sum of the lanes, without wrapping.
    fileprivate var laneSum: UInt32 {
        let halves = unsafeBitCast(self, to: SIMD2<UInt64>.self)
        var sum: UInt32 = 0
        for half in [halves[0], halves[1]] {
            var word = half
            for _ in 0..<8 {
                sum += UInt32(word & 0xFF)
                word >>= 8
            }
        }
        return sum
    }
}
