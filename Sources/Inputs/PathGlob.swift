/// A path pattern as users write them in config files: `Tests/Fixtures/**`, `*.pem`.
///
/// `*` matches within one path segment, `**` across segments, `?` one character. A member of
/// a zip archive (`docs/bundle.zip!notes.md`) is a segment of its own: `*` and `?` do not cross
/// the `!`, so `docs/*.md` does not allow what an archive holds. A pattern without `/` matches
/// the last segment of any path (as in `.gitignore`). Paths use `/`.
public struct PathGlob: Sendable, Equatable {
    public let pattern: String
    private let characters: [Character]
    private let matchesAnySegment: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        characters = Array(pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern)
        matchesAnySegment = !pattern.contains("/")
    }

    /// True when `path` (reported form, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        let target =
            matchesAnySegment
            ? String(path.split(whereSeparator: { $0 == "/" || $0 == "!" }).last ?? "") : path
        return PathGlob.match(characters[...], Array(target)[...])
    }

    private static func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>)
        -> Bool
    {
        guard let head = pattern.first else { return text.isEmpty }
        let rest = pattern.dropFirst()
        if head == "*" {
            let crossesSegments = rest.first == "*"
            let after = crossesSegments ? rest.dropFirst() : rest
            var index = text.startIndex
            while true {
                if match(after, text[index...]) { return true }
                if crossesSegments, after.first == "/", match(after.dropFirst(), text[index...]) {
                    return true
                }
                guard index < text.endIndex,
                    crossesSegments || (text[index] != "/" && text[index] != "!")
                else {
                    return false
                }
                index += 1
            }
        }
        guard let first = text.first else { return false }
        guard head == "?" ? first != "/" && first != "!" : head == first else { return false }
        return match(rest, text.dropFirst())
    }
}
