import Foundation
import HandbookCLI

// Before anything else: on Linux, the allocator's settings are read when the program starts.
AllocatorTuning.restartIfNeeded()
exit(CommandLine.run(arguments: Array(CommandLine.arguments.dropFirst())))
