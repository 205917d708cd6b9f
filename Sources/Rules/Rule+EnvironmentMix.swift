import PCRE2Kit
import ScanModel

extension Rule {
    /// The id of the finding raised when one file holds both production and sandbox pasby
    /// credentials.
    public static let environmentMixID = "pasby.environment-mix"

    /// A check rather than a pattern: the engine raises it when a file (a service file's
    /// `config.json`, an `.env`) mixes live and test credentials. pasby pairs test keys with
    /// test secrets and live keys with live secrets, so a mix is a misconfiguration, and often
    /// a production secret pasted where a sandbox one was meant. Its pattern never matches;
    /// it exists so that reports can describe the finding like any other.
    public static let environmentMix = Rule(
        id: environmentMixID, family: "pasby.configuration",
        name: "pasby production and sandbox credentials in one file",
        description:
            "One file holds pasby credentials of both environments, such as a bk-live_ API key "
            + "beside an snb_ app secret. pasby pairs live keys with production secrets and "
            + "test keys with sandbox secrets, so the file is misconfigured, and a production "
            + "credential may sit where only a sandbox one was meant to be.",
        remediation:
            "Split the file by environment and rotate the production credentials it holds in "
            + "pasby Console: a file that mixes them is usually shared more widely than "
            + "production secrets should be.",
        pattern: neverMatching, keywords: [], environmentSource: .fixed(.production),
        severities: [.production: .high], secretGroup: 0, tokenGroup: 0, minimumEntropy: nil,
        maximumLength: 0, examples: [], negativeExamples: [], origin: "(built-in check)")

    private static let neverMatching: CompiledPattern = {
        do {
            return try CompiledPattern("(*FAIL)", isAnchored: true)
        } catch {
            fatalError("(*FAIL) compiles in every PCRE2")
        }
    }()
}
