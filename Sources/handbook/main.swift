import Foundation
import HandbookCLI

exit(CommandLine.run(arguments: Array(CommandLine.arguments.dropFirst())))
