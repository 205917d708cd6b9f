/// Documentation placeholders that have a credential's prefix but are not credentials.
///
/// Templates such as `<...>`, `${VAR}` and `{{...}}` never match a rule's token alphabet; this
/// catches the ones that do: words like `YOUR_KEY` and runs of one character like `xxxx`.
public enum Placeholder {
    /// Words that mark a token as an example, matched case-insensitively.
    public static let words = [
        "your", "example", "placeholder", "replace", "changeme", "redacted", "xxxx", "dummy",
        "sample", "insert",
    ]

    /// True when `token` contains a placeholder word or is one character repeated.
    public static func isPlaceholder(_ token: Span<UInt8>) -> Bool {
        guard !token.isEmpty else { return true }
        var lowered: [UInt8] = []
        lowered.reserveCapacity(token.count)
        var isOneCharacter = true
        for index in token.indices {
            let byte = token[index]
            lowered.append(byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte)
            if byte != token[0] { isOneCharacter = false }
        }
        if isOneCharacter && token.count > 1 { return true }
        return wordBytes.contains { word in contains(lowered, word) }
    }

    private static let wordBytes = words.map { Array($0.utf8) }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }
}
