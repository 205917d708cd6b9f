import ScanModel

/// The usage lines and `--help` text.
enum HelpText {
    static let usage = """
        usage: pasbyscan scan [options] [PATH...]
               pasbyscan staged [options]
               pasbyscan git [options] [--all | BASE..HEAD | --since REV]
               pasbyscan hook install [--force] [--chain] | pasbyscan hook uninstall
               pasbyscan rules list [--rules PATH]
               pasbyscan rules check [FILE...]
               pasbyscan --help | --version
        """

    static let scanUsage =
        "usage: pasbyscan scan [--format text|json|sarif] [--output FILE] "
        + "[--fail-on critical|high|medium|low|never] [--threads N] [--config FILE] "
        + "[--rules PATH] [--show-secrets] [--follow-symlinks] [-q] [-v] [PATH...]"

    static let stagedUsage =
        "usage: pasbyscan staged [--format text|json|sarif] [--output FILE] "
        + "[--fail-on critical|high|medium|low|never] [--threads N] [--config FILE] "
        + "[--rules PATH] [--show-secrets] [-q] [-v]"

    static let gitUsage =
        "usage: pasbyscan git [--all | BASE..HEAD | --since REV] [--format text|json|sarif] "
        + "[--output FILE] [--fail-on critical|high|medium|low|never] [--threads N] "
        + "[--config FILE] [--rules PATH] [--show-secrets] [-q] [-v]"

    static let hookUsage =
        "usage: pasbyscan hook install [--force] [--chain]\n       pasbyscan hook uninstall"

    /// The usage lines for `command` (the first word), or every command's.
    static func usage(for command: String?) -> String {
        switch command {
        case "scan": scanUsage
        case "staged": stagedUsage
        case "git": gitUsage
        case "hook": hookUsage
        default: usage
        }
    }

    static let full = """
        pasbyscan \(ToolInfo.version): find leaked pasby credentials and private keys.

        \(usage)

        commands:
          scan [PATH...]        scan files and folders (default "."); "-" reads stdin
          staged                scan what the next commit would add (the index, not the
                                work tree): the pre-commit hook
          git [RANGE]           scan every blob in history once: --all (default),
                                BASE..HEAD or --since REV for the blobs new in a range
                                (each finding says worktree or history-only)
          hook install          install the pre-commit hook (--force replaces a foreign
                                hook, --chain keeps it and runs it before pasbyscan)
          hook uninstall        remove pasbyscan's pre-commit hook (restores a chained one)
          rules list            list the rules with their environment and severity
          rules check [FILE...] validate rule files (the built-in rules when none given)

        scan options (staged and git take them too, except --follow-symlinks):
          --format FORMAT       text (default), json or sarif
          --output FILE         write the report to FILE, whole or not at all
          --fail-on LEVEL       exit 1 on findings at or above LEVEL: critical, high,
                                medium (default), low, or never
          --threads N           worker threads (default: the number of processors)
          --config FILE         config with allowed paths (see README)
          --baseline FILE       leave out findings listed in an earlier JSON report
          --rules PATH          rule file or folder to use instead of the built-in rules
          --show-secrets        print secrets unredacted (they are redacted by default)
          --follow-symlinks     follow symbolic links below the given paths
          -q, --quiet           print no summary and no warnings, only errors
          -v, --verbose         also report every skipped input
          -h, --help            show this help
          --version             show the version

        exit status: 0 nothing at or above --fail-on; 1 findings at or above it;
        2 the scan was incomplete (something could not be read) and nothing failing was
        found; 64 usage or configuration error.
        """
}
