import Engine
import Rules
import ScanModel
import TestFixtures
import Testing

@Suite struct EnvironmentInferenceTests {
    typealias Fake = FakeCredentials

    @Test func productionServiceFileMakesItsKeyProductionAndCritical() throws {
        let found = findings(in: Fake.serviceConfig(live: true), name: "config.json")
        let key = try #require(found.first { $0.ruleID == "private-key.rsa-pkcs1" })

        #expect(key.environment == .production)
        #expect(key.severity == .critical)
        #expect(key.encoding == .jsonEscaped)
        #expect(key.evidence?.ruleID == "pasby.app-secret.production")
        #expect(key.evidence?.line == 4)
        #expect(
            found.map(\.ruleID) == [
                "pasby.app-id", "pasby.consumer-id", "pasby.app-secret.production",
                "pasby.api-key.live", "private-key.rsa-pkcs1",
            ])
    }

    @Test func sandboxServiceFileMakesItsKeySandbox() throws {
        let found = findings(in: Fake.serviceConfig(live: false), name: "config.json")
        let key = try #require(found.first { $0.ruleID == "private-key.rsa-pkcs1" })

        #expect(key.environment == .sandbox)
        #expect(key.severity == .medium)
        #expect(key.evidence?.ruleID == "pasby.app-secret.sandbox")
    }

    @Test func keyBesideAServiceConfigTakesItsEnvironment() throws {
        let tree = TemporaryTree()
        tree.write("service/config.json", Fake.serviceConfig(live: true))
        tree.write("service/communication.pem", Fake.pem("RSA PRIVATE KEY") + "\n")
        tree.write("elsewhere/other.pem", Fake.pem("RSA PRIVATE KEY") + "\n")

        let found = scan([tree.path]).0.findings
        let beside = try #require(found.first { $0.location.path.hasSuffix("communication.pem") })
        let apart = try #require(found.first { $0.location.path.hasSuffix("other.pem") })

        #expect(beside.environment == .production)
        #expect(beside.severity == .critical)
        #expect(beside.evidence?.path.hasSuffix("service/config.json") == true)
        #expect(beside.evidence?.ruleID == "pasby.app-secret.production")
        #expect(apart.environment == .unknown)
    }

    @Test func loneKeyIsUnknownAndHigh() throws {
        let key = try #require(findings(in: Fake.pem("RSA PRIVATE KEY")).first)

        #expect(key.environment == .unknown)
        #expect(key.severity == .high)
        #expect(key.evidence == nil)
    }

    @Test func realCredentialInsideTemplateDefaultIsFound() throws {
        let found = findings(in: "key: ${PASBY_KEY:-\(Fake.liveKey)}\n")
        #expect(found.map(\.ruleID) == ["pasby.api-key.live"])
        #expect(found.first?.secret == Fake.liveKey)
    }
}

@Suite struct BufferScannerTests {
    @Test func scansBytesInMemoryLikeAFile() throws {
        let scanner = BufferScanner(rules: RuleSet.builtin())
        let config = Array(FakeCredentials.serviceConfig(live: true).utf8)

        let (found, warnings) = scanner.scan(config, path: "svc/config.json")
        let again = scanner.scan(config, path: "other/config.json").findings

        #expect(warnings.isEmpty)
        #expect(found.count == 5)
        #expect(found.allSatisfy { $0.location.path == "svc/config.json" })
        #expect(found.first { $0.ruleID == "private-key.rsa-pkcs1" }?.environment == .production)
        #expect(again.map(\.ruleID) == found.map(\.ruleID))
        #expect(again.allSatisfy { $0.location.path == "other/config.json" })
    }
}

@Suite struct EnvironmentMixTests {
    typealias Fake = FakeCredentials

    @Test func fileMixingLiveAndTestCredentialsRaisesItsOwnFinding() throws {
        let text = "PASBY_API_KEY=\(Fake.liveKey)\nPASBY_SECRET=\(Fake.sandboxSecret)\n"
        let found = findings(in: text, name: "app.env")
        let mix = try #require(found.first { $0.ruleID == Rule.environmentMixID })

        #expect(found.count == 3)
        #expect(mix.severity == .high)
        #expect(mix.location.startLine == 1)
        #expect(mix.evidence?.ruleID == "pasby.app-secret.sandbox")
        #expect(mix.evidence?.line == 2)
    }

    @Test func singleEnvironmentFilesAndIdentifiersDoNotMix() {
        let live = findings(in: Fake.serviceConfig(live: true), name: "config.json")
        let test = findings(in: Fake.serviceConfig(live: false), name: "config.json")
        #expect(!live.contains { $0.ruleID == Rule.environmentMixID })
        #expect(!test.contains { $0.ruleID == Rule.environmentMixID })
    }
}
