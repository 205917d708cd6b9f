import ScanModel
import Testing

@Suite struct RedactionTests {
    @Test func tokenKeepsPrefixAndFourCharacters() {
        #expect(Redaction.redact("bk-live_0123456789abcdef") == "bk-live_0123***")
        #expect(Redaction.redact("prd_ab") == "prd_ab***")
        #expect(Redaction.redact("nounderscore") == "noun***")
    }

    @Test func pemKeyKeepsOnlyItsBeginLine() {
        let key = "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIBody\\n-----END EC PRIVATE KEY-----"
        #expect(Redaction.redact(key) == "-----BEGIN EC PRIVATE KEY-----***")
    }
}
