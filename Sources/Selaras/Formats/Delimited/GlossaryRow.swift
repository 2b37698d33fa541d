/// One row of a flat glossary file: a source term, a target term, and what the row says of
/// their concept.
struct GlossaryRow {
  var source: Term
  var target: Term
  var note: String?
  var domain: String?
  /// 1-based line number in the file.
  var line: Int

  /// Rows grouped into concepts: rows sharing a source or a target term (ignoring case) are
  /// one concept, so `Kemenlu → Foreign Ministry` and `Kementerian Luar Negeri → Foreign
  /// Ministry` become one entry with two Indonesian synonyms. A row repeating an earlier one
  /// is skipped with a warning.
  static func concepts(_ rows: [GlossaryRow], file: String) -> (entries: [TermEntry], diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var kept: [GlossaryRow] = []
    var seen: [String: Int] = [:]
    for row in rows {
      let key = row.source.text.lowercased() + "\t" + row.target.text.lowercased()
      if let first = seen[key] {
        diagnostics.append(Diagnostic(.warning, file: file, line: row.line, "duplicate of line \(first), skipped"))
        continue
      }
      seen[key] = row.line
      kept.append(row)
    }
    var parent = Array(kept.indices)
    func root(_ index: Int) -> Int {
      var index = index
      while parent[index] != index {
        parent[index] = parent[parent[index]]
        index = parent[index]
      }
      return index
    }
    var owner: [String: Int] = [:]
    for (index, row) in kept.enumerated() {
      for key in ["s\t" + row.source.text.lowercased(), "t\t" + row.target.text.lowercased()] {
        if let other = owner[key] {
          parent[root(index)] = root(other)
        } else {
          owner[key] = index
        }
      }
    }
    var order: [Int] = []
    var members: [Int: [Int]] = [:]
    for index in kept.indices {
      let group = root(index)
      if members[group] == nil { order.append(group) }
      members[group, default: []].append(index)
    }
    let entries = order.map { group in
      var entry = TermEntry(terms: [])
      var notes: [String] = []
      for row in members[group]!.map({ kept[$0] }) {
        for term in [row.source, row.target]
        where !entry.terms.contains(where: { $0.language == term.language && $0.text == term.text }) {
          entry.terms.append(term)
        }
        if let note = row.note, !notes.contains(note) { notes.append(note) }
        entry.domain = entry.domain ?? row.domain
      }
      entry.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
      return entry
    }
    return (entries, diagnostics)
  }
}
