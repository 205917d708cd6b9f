/// How secrets are shown when they must not be shown.
///
/// A token keeps its prefix (up to and including the first `_`) and four more characters; a
/// PEM key keeps its BEGIN line. Enough for a person to find it, too little to use it.
public enum Redaction {
    /// The characters kept after a token's prefix.
    public static let visibleCharacters = 4

    public static func redact(_ secret: String) -> String {
        let bytes = Array(secret.utf8)
        let pemStart = Array("-----BEGIN ".utf8)
        if bytes.starts(with: pemStart) {
            var index = pemStart.count
            while index + 5 <= bytes.count, !bytes[index..<index + 5].elementsEqual(dashes) {
                index += 1
            }
            let kept = min(bytes.count, index + 5)
            return String(decoding: bytes[..<kept], as: UTF8.self) + "***"
        }
        let characters = Array(secret)
        let prefixLength = (characters.firstIndex(of: "_").map { $0 + 1 }) ?? 0
        let visible = min(characters.count, prefixLength + visibleCharacters)
        return String(characters[..<visible]) + "***"
    }

    private static let dashes = Array("-----".utf8)
}
