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
    static func measure(_ buffer: UnsafeRawBufferPointer, from: Int, to: Int, column: Int)
        -> (lines: Int, column: Int)
    {
        var lines = 0
        var column = column
        for index in from..<to {
            let byte = buffer[index]
            if byte == 0x0A {
                lines += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (lines, column)
    }
}
