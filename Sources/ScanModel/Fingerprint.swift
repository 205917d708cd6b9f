/// Fingerprints that identify a secret independently of where it is.
///
/// A fingerprint is the SHA-256 of the rule family, the environment and the normalized secret,
/// shortened to 32 hex digits. It never involves a path or a line, so a baseline of fingerprints
/// survives edits, moves and reformatting. Normalization drops whitespace, `\n`/`\r` escapes and
/// JSON backslashes, so a PEM key has one fingerprint whether it sits in a `.pem` file, on one
/// line, or JSON-escaped in `config.json`.
public enum Fingerprint {
    public static func make(family: String, environment: Environment, secret: String) -> String {
        var input = Array(family.utf8)
        input.append(0)
        input.append(contentsOf: environment.rawValue.utf8)
        input.append(0)
        input.append(contentsOf: normalized(secret))
        let digest = SHA256.hash(input)
        return String(hexEncoding: digest.prefix(16))
    }

    /// The secret's bytes without line breaks, blanks and their escaped forms.
    static func normalized(_ secret: String) -> [UInt8] {
        let bytes = Array(secret.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "n") || bytes[index + 1] == UInt8(ascii: "r")
            {
                index += 2
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                break
            default:
                result.append(byte)
            }
            index += 1
        }
        return result
    }
}

extension String {
    /// Lowercase hex digits of `bytes`.
    init(hexEncoding bytes: some Sequence<UInt8>) {
        let digits = Array("0123456789abcdef".utf8)
        var characters: [UInt8] = []
        for byte in bytes {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0f)])
        }
        self.init(decoding: characters, as: UTF8.self)
    }
}
