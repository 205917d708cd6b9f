/// The exit statuses every command uses (see README, "Exit status").
public enum ExitStatus: Int32, Sendable {
    /// Nothing at or above `--fail-on` was found and the scan was complete.
    case clean = 0
    /// Findings at or above `--fail-on`.
    case findings = 1
    /// The scan could not read something it was asked to, and nothing failing was found.
    case incomplete = 2
    /// Bad options, rules or config: nothing was scanned.
    case usage = 64
}
