/// Obviously fake pasby credentials and keys, assembled at test time.
///
/// Tokens are built from hex words (`deadbeef`, `c0ffee`, `facade`) so nobody mistakes them
/// for real ones, yet they have the shape and randomness the rules ask for.
public enum FakeCredentials {
    static let hex64 = "deadbeef0badc0de5eed1e55c0ffee42" + "facade0ddba11feeb16b00b5cafed00d"
    static let uuid = "deadbeef-0bad-4c0d-8e55-" + "c0ffee5eed42"

    public static let liveKey = "bk-" + "live_" + hex64
    public static let testKey = "bk-" + "test_" + String(hex64.prefix(32))
    public static let productionSecret = "prd" + "_" + uuid
    public static let sandboxSecret = "snb" + "_" + uuid
    public static let appID = "app" + "_" + uuid
    public static let consumerID = "bcn" + "_" + String(hex64.prefix(32)) + "-FAKE01"

    /// Base64-looking lines that are plainly not a key.
    public static let keyBodyLines = [
        "MIIEowIBAAKCAQEA" + String(repeating: "fakeFAKE", count: 6),
        "ZmFrZSBrZXkgYm9keSBmb3IgcGFzYnlzY2FuIHRlc3RzIG9ubHkgZmFrZSBrZXkg",
        "ZmFrZQ==",
    ]

    /// A PEM block of `kind` ("RSA PRIVATE KEY"), lines joined by `separator`.
    public static func pem(_ kind: String, separator: String = "\n", indent: String = "")
        -> String
    {
        let lines = ["-----" + "BEGIN \(kind)-----"] + keyBodyLines + ["-----END \(kind)-----"]
        return lines.enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }
            .joined(separator: separator)
    }

    /// A pasby service-file `config.json` with every credential and a JSON-escaped key.
    public static func serviceConfig(live: Bool) -> String {
        """
        {
          "app": "\(appID)",
          "consumer": "\(consumerID)",
          "secret": "\(live ? productionSecret : sandboxSecret)",
          "apikeys": { "\(live ? "live" : "test")": "\(live ? liveKey : testKey)" },
          "privatekey": "\(pem("RSA PRIVATE KEY", separator: "\\n"))\\n"
        }

        """
    }
}
