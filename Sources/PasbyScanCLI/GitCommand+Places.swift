import Engine
import Inputs
import ScanModel

extension GitCommand {
    /// `result` with each finding reported at every path its blob was written to, with the
    /// first commit that put it there, and the config's allowed paths applied path by path:
    /// the same key in an allowed fixture and in production code is reported for the latter.
    func placed(
        _ result: ScanResult, repository: GitRepository, revisions: [String],
        allowedPaths: [PathGlob]
    ) -> ScanResult {
        let blobs = Set(result.findings.compactMap { $0.gitOrigin?.blob })
        let places: [String: [GitRepository.BlobPlace]]
        do {
            places = try repository.places(of: blobs, revisions: revisions)
        } catch {
            console.warning(
                "\"history\": the paths of blobs with findings could not be listed "
                    + "(\(error.message)); "
                    + "each is reported at one path")
            places = [:]
        }
        var findings: [Finding] = []
        var summary = result.summary
        var seen: Set<[String]> = []
        for finding in result.findings {
            let known = finding.gitOrigin.flatMap { places[$0.blob] } ?? []
            // A finding in a zip member keeps its `!member` part at every path of the zip.
            let reported = finding.location.pathBytes
            let suffix =
                known.lazy.map { InputPath(gitPath: $0.path).displayBytes }
                .first { prefix in
                    reported.starts(with: prefix)
                        && (reported.count == prefix.count
                            || reported[prefix.count] == UInt8(ascii: "!"))
                }
                .map { Array(reported.dropFirst($0.count)) }
            let copies =
                known.isEmpty || suffix == nil
                ? [finding]
                : known.map { place in
                    var copy = finding
                    let path = InputPath(gitPath: place.path + (suffix ?? []))
                    copy.location.path = path.display
                    copy.location.pathBytes = path.displayBytes
                    copy.gitOrigin?.commit = place.commit
                    return copy
                }
            for copy in copies {
                let key = [copy.location.path, copy.ruleID, copy.secret]
                guard seen.insert(key).inserted else { continue }
                if allowedPaths.contains(where: { $0.matches(copy.location.path) }) {
                    summary.allowedFindings += 1
                } else {
                    findings.append(copy)
                }
            }
        }
        findings.sort()
        return ScanResult(findings: findings, summary: summary)
    }
}
