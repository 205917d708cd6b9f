import Testing

/// Every "not a finding" case of the scan issue: the engine must stay silent on each.
@Suite struct NotFindingsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "bare api key prefix", text: "PASBY_API_KEY=bk-" + "test_\n"),
        Case(name: "bare secret prefix before a quote", text: #"secret = "snb"# + #"_""#),
        Case(name: "bare secret prefix at end of file", text: "secret = prd" + "_"),
        Case(name: "YOUR_KEY placeholder", text: "key: bk-" + "test_YOUR_KEY"),
        Case(name: "YOUR_APP_SECRET placeholder", text: "secret: snb" + "_YOUR_APP_SECRET"),
        Case(
            name: "xxxx placeholder", text: "key: bk-" + "live_" + String(repeating: "x", count: 64)
        ),
        Case(name: "angle-bracket placeholder", text: "key: bk-" + "live_<your live key>"),
        Case(name: "shell variable placeholder", text: "key: bk-" + "live_${PASBY_LIVE_KEY}"),
        Case(name: "template placeholder", text: "secret: prd" + "_{{ pasby_secret }}"),
        Case(
            name: "kernel identifier snb_uncore",
            text: "static struct intel_uncore_type snb" + "_uncore_imc;"),
        Case(name: "identifier prd_id", text: "int prd" + "_id = 4;"),
        Case(name: "identifier app_config", text: "from app" + "_config import settings"),
        Case(
            name: "public key",
            text:
                "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAfakeFAKE\n"
                + "-----END PUBLIC KEY-----"
        ),
        Case(
            name: "certificate",
            text:
                "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADB\n"
                + "-----END CERTIFICATE-----"
        ),
        Case(
            name: "PGP block",
            text:
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0fakeFAKEfakeFAKEfakeFAKEfakeFAKE\n"
                + "-----END PGP PRIVATE KEY BLOCK-----"
        ),
        Case(
            name: "PEM header with no body",
            text: #"let header = "-----BEGIN RSA PRIVATE KEY-----""#),
        Case(
            name: "PEM header and footer with no body",
            text: "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n"),
    ])
    func isNotAFinding(_ example: Case) {
        #expect(findings(in: example.text).isEmpty)
    }
}
