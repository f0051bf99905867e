import HandbookModel
import HandbookRender

/// Which outputs a build makes again and which it keeps from the last build, decided from what each output reads
/// (`OutputInputs`) and what changed since (`BuildState`).
///
/// With no usable last state, or when the site's structure changed, every output is made. Otherwise an output
/// that reads only the structure is kept whole, and so is one that also reads exact dates when none changed;
/// an entry-page output makes only the files that show entries whose body or exact dates changed and keeps the
/// rest; one that compares its files itself (the search index's token files, by digest) makes those that differ and
/// keeps the rest; the others are made again. Kept files stay as the standby has them: the session counts them unchanged. Should the standby lack
/// any of them, that output is made after all.
struct RenderPlan {
    /// The entries whose body changed, and those whose exact dates changed; nil when everything is made.
    let changed: ChangedEntries?
    /// The last build's paths per output, when it can be used.
    let previous: BuildState?

    /// The plan for a build with `inputs`, given the last build's state.
    init(previous: BuildState?, inputs: BuildInputs, entities: [Entity]) {
        if let previous, previous.site == inputs.site {
            self.previous = previous
            let (bodies, dates) = inputs.changed(since: previous, in: entities)
            changed = ChangedEntries(bodies: bodies, dates: dates)
        } else {
            self.previous = nil
            changed = nil
        }
    }

    /// Makes the files `generator` makes this time, handing them to `deliver` a batch at a time, and returns the
    /// paths of those it keeps.
    func files(of generator: any OutputGenerator.Type, site: SiteContext, session: OutputSession,
               deliver: ([OutputFile]) -> Void) -> [String] {
        guard let changed, let last = previous?.outputs[generator.name] else {
            generator.init(site: site).files(in: deliver)
            return []
        }
        switch generator.inputs {
        case .structure:
            if session.keep(last) { return last }
        case .dates:
            if changed.dates.isEmpty && session.keep(last) { return last }
        case .entryPages:
            let made = generator.init(site: site).files(showing: changed)
            let madePaths = Set(made.map(\.path))
            let kept = last.filter { !madePaths.contains($0) }
            if kept.count + made.count == last.count && session.keep(kept) {
                deliver(made)
                return kept
            }
        case .everythingComparedByItself:
            let (made, kept) = generator.init(site: site).filesKeepingUnchanged()
            if Set(kept).isSubset(of: last) && session.keep(kept) {
                deliver(made)
                return kept
            }
        case .everything:
            break
        }
        generator.init(site: site).files(in: deliver)
        return []
    }
}
