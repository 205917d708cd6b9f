import Testing

@testable import ScanModel

@Suite struct FingerprintTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        let input: String
        let digest: String
        var testDescription: String { "sha256(\"\(input.prefix(12))\")" }
    }

    @Test(arguments: [
        Vector(
            input: "",
            digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Vector(
            input: "abc",
            digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Vector(
            input: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesPublishedVectors(_ vector: Vector) {
        #expect(String(hexEncoding: SHA256.hash(Array(vector.input.utf8))) == vector.digest)
    }

    @Test func sameKeyHasOneFingerprintInEveryLayout() {
        let lines = "-----BEGIN RSA PRIVATE KEY-----\nAAAA\nBBBB\n-----END RSA PRIVATE KEY-----"
        let crlf = lines.split(separator: "\n").joined(separator: "\r\n")
        let escaped = lines.split(separator: "\n").joined(separator: "\\n")
        let flat = lines.split(separator: "\n").joined(separator: " ")

        let expected = Fingerprint.make(family: "private-key", environment: .unknown, secret: lines)
        for layout in [crlf, escaped, flat] {
            #expect(
                Fingerprint.make(family: "private-key", environment: .unknown, secret: layout)
                    == expected)
        }
    }

    @Test func fingerprintDependsOnFamilyEnvironmentAndSecret() {
        let base = Fingerprint.make(family: "pasby.api-key", environment: .production, secret: "a")
        #expect(base.count == 32)
        #expect(
            Fingerprint.make(family: "pasby.app-secret", environment: .production, secret: "a")
                != base)
        #expect(
            Fingerprint.make(family: "pasby.api-key", environment: .sandbox, secret: "a")
                != base)
        #expect(
            Fingerprint.make(family: "pasby.api-key", environment: .production, secret: "b")
                != base)
    }
}
