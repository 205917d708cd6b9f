import ScanModel
import TestFixtures
import Testing

/// Every PEM form the scan issue lists, found with the right rule, place and encoding.
@Suite struct PEMFormTests {
    typealias Fake = FakeCredentials

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let rule: String
        let encoding: SecretEncoding
        let startLine: Int
        let startColumn: Int
        var testDescription: String { name }
    }

    static let encryptedPKCS1 = Fake.pem("RSA PRIVATE KEY").replacingOccurrences(
        of: "KEY-----\n",
        with: "KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0BADC0DE\n\n",
        options: [], range: nil)

    @Test(arguments: [
        Case(
            name: "PKCS#1 with LF", text: Fake.pem("RSA PRIVATE KEY"),
            rule: "private-key.rsa-pkcs1", encoding: .plain, startLine: 1, startColumn: 1),
        Case(
            name: "PKCS#1 with CRLF", text: Fake.pem("RSA PRIVATE KEY", separator: "\r\n"),
            rule: "private-key.rsa-pkcs1", encoding: .plain, startLine: 1, startColumn: 1),
        Case(
            name: "PKCS#8 in a YAML block scalar",
            text: "tls:\n  key: |\n    " + Fake.pem("PRIVATE KEY", indent: "    ") + "\n",
            rule: "private-key.pkcs8", encoding: .plain, startLine: 3, startColumn: 5),
        Case(
            name: "EC flattened onto one line",
            text: "KEY=" + Fake.pem("EC PRIVATE KEY", separator: " "),
            rule: "private-key.ec", encoding: .singleLine, startLine: 1, startColumn: 5),
        Case(
            name: "OpenSSH JSON-escaped",
            text: #"{"k": ""# + Fake.pem("OPENSSH PRIVATE KEY", separator: "\\n") + #"\n"}"#,
            rule: "private-key.openssh", encoding: .jsonEscaped, startLine: 1, startColumn: 8),
        Case(
            name: "EC with EC PARAMETERS preamble",
            text: "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + Fake.pem("EC PRIVATE KEY"),
            rule: "private-key.ec", encoding: .plain, startLine: 4, startColumn: 1),
        Case(
            name: "PKCS#8 with Bag Attributes preamble",
            text: "Bag Attributes\n    localKeyID: 01 00 00 00\n" + Fake.pem("PRIVATE KEY"),
            rule: "private-key.pkcs8", encoding: .plain, startLine: 3, startColumn: 1),
        Case(
            name: "PKCS#1 with Proc-Type ENCRYPTED", text: encryptedPKCS1,
            rule: "private-key.encrypted", encoding: .plain, startLine: 1, startColumn: 1),
        Case(
            name: "PKCS#8 ENCRYPTED PRIVATE KEY", text: Fake.pem("ENCRYPTED PRIVATE KEY"),
            rule: "private-key.encrypted", encoding: .plain, startLine: 1, startColumn: 1),
    ])
    func keyIsFound(_ example: Case) throws {
        let found = findings(in: example.text)

        try #require(found.count == 1, "\(found.map(\.ruleID))")
        #expect(found[0].ruleID == example.rule)
        #expect(found[0].encoding == example.encoding)
        #expect(found[0].location.startLine == example.startLine)
        #expect(found[0].location.startColumn == example.startColumn)
        #expect(found[0].environment == .unknown)
    }

    @Test func keyEndsAtItsEndLineNeverAtCarriageReturn() throws {
        let text = Fake.pem("RSA PRIVATE KEY", separator: "\r\n") + "\r\n"
        let found = try #require(findings(in: text).first)
        let lastLine = "-----END RSA PRIVATE KEY-----"

        #expect(found.location.endLine == 5)
        #expect(found.location.endColumn == lastLine.count + 1)
        #expect(found.secret.hasSuffix(lastLine))
    }

    @Test func twoKeysInOneFileAreTwoFindings() {
        let text = Fake.pem("RSA PRIVATE KEY") + "\n\n" + Fake.pem("EC PRIVATE KEY") + "\n"
        #expect(findings(in: text).map(\.ruleID) == ["private-key.rsa-pkcs1", "private-key.ec"])
    }
}
