import Glibc
import PasbyScanCLI

exit(CLI.run(CommandLine.arguments, console: Console.standard()))
