import Foundation
import HandbookBuild
import HandbookLoad
import HandbookModel
import HandbookValidate

/// `handbook new TYPE "Name"`: write a scaffold for a new entry, never overwriting.
enum NewCommand {
    static let spec = CommandSpec(
        name: "new",
        operands: "TYPE \"Name\"",
        summary: "write a scaffold for a new entry (never overwrites)",
        description: """
            Writes DIR/TYPE/<slug>.md (DIR is the content tree) with every required field to fill in and every \
            optional field commented out, each with a comment saying what it holds. The slug is made from the \
            name. Never overwrites an existing file.
            """,
        options: [.content],
        notes: ["TYPE is one of these (the singular, such as organisation or case-study, works too):"]
            + TypeCatalog.standard.descriptors.map { "  \($0.type.folder): \($0.help)" })

    static func run(_ arguments: [String], console: inout Console, types: TypeCatalog) -> Int32 {
        let parsed: Arguments
        switch HandbookCommand.parse(arguments, for: spec, console: &console) {
        case .success(let arguments): parsed = arguments
        case .failure(let stop): return stop.status
        }
        guard parsed.operands.count == 2 else {
            return HandbookCommand.usageError("new takes a TYPE and a \"Name\"", for: spec, console: &console)
        }
        let typeName = parsed.operands[0]
        let name = parsed.operands[1]
        guard let type = types.type(named: typeName) else {
            let known = types.types.map(\.folder)
            let hint = Suggestion.closest(to: typeName, in: known).map { " Did you mean '\($0)'?" } ?? ""
            return HandbookCommand.usageError("unknown type '\(typeName)'.\(hint)", for: spec, console: &console)
        }
        let slug = Slug.make(from: name)
        guard !slug.isEmpty, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            return refuse("the name has no letter or digit that spells in a-z and 0-9, which the file name is made of; "
                          + "give the name in Latin letters (its other spellings can go in 'aliases')", console: &console)
        }
        if let problem = NewEntryCheck.problem(name: name, slug: slug, type: type, types: types) {
            return refuse(problem, console: &console)
        }
        let content = parsed.value(.content)
        let folder = "\(content)/\(type.folder)"
        // A type's folder that is a link out of the content tree is refused by `check` (`symlink`): nothing is written through it.
        if FileSystem.kind(folder) == .symbolicLink {
            let root = FileSystem.realPath(content) ?? content
            guard let target = FileSystem.realPath(folder), target.hasPrefix(root + "/") else {
                return refuse("\(folder) is a symbolic link that leads outside the content tree, which check refuses; make it a folder",
                              console: &console)
            }
        }
        let path = "\(folder)/\(slug).md"
        do {
            try FileWriter.createNew(path, contents: Scaffold.text(for: types[type], name: name))
        } catch {
            console.printError("handbook: " + DiagnosticFormatter.terminalSafe(error.description))
            return error.reason == .exists ? ExitStatus.contentErrors : ExitStatus.usage
        }
        console.print("Created " + DiagnosticFormatter.terminalSafe(path))
        console.print("Fill in the required fields, uncomment the optional ones you know, then run: handbook check")
        return ExitStatus.success
    }

    /// A name or place `new` will not write: the reason alone (the command was used rightly), exit status 2.
    static func refuse(_ reason: String, console: inout Console) -> Int32 {
        console.printError("handbook: " + DiagnosticFormatter.terminalSafe(reason))
        return ExitStatus.usage
    }
}
