import HandbookModel
import Testing

/// The type descriptors and field names: one source of truth, consistent with itself.
@Suite struct TypeCatalogTests {
    let catalog = TypeCatalog.standard

    @Test func everyTypeHasItsNameFieldRequired() {
        for descriptor in catalog.descriptors {
            #expect(descriptor.field(descriptor.nameField)?.isRequired == true, "\(descriptor.type)")
        }
    }

    @Test func commonFieldsAppearOnceInEveryType() {
        for descriptor in catalog.descriptors {
            let names = descriptor.fields.map(\.name)
            #expect(Set(names).count == names.count, "\(descriptor.type) repeats a field")
            for common in Schemas.common { #expect(names.contains(common.name)) }
        }
    }

    @Test func pressContactsRequireSources() {
        #expect(catalog[.pressContacts].field(.sources)?.isRequired == true)
        #expect(catalog[.organisations].field(.sources)?.isRequired == false)
    }

    /// Every declared field name is a field of some schema, and every schema field has a declared name,
    /// so a constant can neither name a field that does not exist nor be missing for one that does.
    @Test func fieldNameConstantsMatchTheSchemas() {
        var schemaNames = Set<String>()
        func collect(_ fields: [FieldSchema]) {
            for field in fields {
                schemaNames.insert(field.name.rawValue)
                var kind = field.kind
                if case .list(let item, _) = kind { kind = item }
                // The social record's keys are network names, declared as data, not field names code reads.
                if case .record(let nested) = kind, field.name != .social { collect(nested) }
            }
        }
        for descriptor in catalog.descriptors { collect(descriptor.fields) }
        collect(Schemas.settings)
        let declared = Set(FieldName.declared.map(\.rawValue))
        #expect(declared.count == FieldName.declared.count, "a constant is listed twice")
        #expect(declared.subtracting(schemaNames).sorted() == [], "constants that name no field")
        #expect(schemaNames.subtracting(declared).sorted() == [], "fields without a constant")
    }

    /// Every field that names entries (directly or in its records) is an edge of the social graph, so it
    /// declares its relation; no other field does.
    @Test func everyReferenceFieldDeclaresItsRelation() {
        func names(_ kind: FieldKind) -> Bool {
            switch kind {
            case .reference: return true
            case .list(let item, _): return names(item)
            case .record(let fields): return fields.contains { names($0.kind) }
            default: return false
            }
        }
        for descriptor in TypeCatalog.standard.descriptors {
            for field in descriptor.fields {
                // A role field names the same body, not another one: it makes no edge (see `TypeDescriptor.roleField`).
                #expect((field.relation != nil) == (names(field.kind) && field.name != descriptor.roleField), "\(descriptor.type.folder).\(field.name.rawValue)")
            }
        }
    }

    @Test func foldersAndRanksAreUnique() {
        #expect(Set(catalog.types.map(\.folder)).count == catalog.types.count)
        #expect(Set(catalog.types.map(\.rank)).count == catalog.types.count)
        #expect(catalog.types == catalog.types.sorted())
    }

    @Test func searchOrderPutsListedTypesFirstInNavigationOrder() {
        let search = catalog.searchOrder.map(\.type.folder)
        #expect(search == ["organisations", "case-studies", "funders", "events", "policies", "resources", "press-contacts", "pages"])
        #expect(catalog.listed.count == 7)
    }

    @Test func typesAreFoundByFolderOrHyphenatedSingular() {
        #expect(catalog.type(named: "case-study") == .caseStudies)
        #expect(catalog.type(named: "press-contacts") == .pressContacts)
        #expect(catalog.type(named: "people") == nil)
    }

    @Test func momentsReadDatesPartialDatesAndTimes() throws {
        #expect(Moment(.date(PartialDate(year: 2020, month: 5)), zone: "Europe/London") == .partial(PartialDate(year: 2020, month: 5)))
        #expect(Moment(.date(PartialDate(year: 2020, month: 5, day: 2)), zone: "Europe/London") == .day(PartialDate(year: 2020, month: 5, day: 2)))
        let time = try #require(DateTimeValue(parsing: "2020-05-02T18:30"))
        let moment = Moment(.dateTime(time), zone: "Europe/Brussels")
        #expect(moment == .time(time, zone: "Europe/Brussels"))
        #expect(moment?.hasTime == true)
        #expect(moment?.date == PartialDate(year: 2020, month: 5, day: 2))
        #expect(Moment(.text("2020"), zone: "UTC") == nil)
    }
}
