import PostgresNIO

/// The statements a search runs, prepared once per connection: planning each anew took as
/// long as running it, a dozen times a lookup.
protocol PreparedQuery: PostgresPreparedStatement where Row == PostgresRow {}

extension PreparedQuery {
  func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

enum PostgresStatements {
  struct MemoryState: PreparedQuery {
    static let sql = "SELECT last_id, version FROM memory_state"
    func makeBindings() throws -> PostgresBindings { PostgresBindings() }
  }

  /// Each key's count and form, with the ids of lists up to `shortList` long.
  struct PostingCounts: PreparedQuery {
    static let sql = """
      SELECT key, count, dense, CASE WHEN NOT dense AND count <= $3 THEN ids END
      FROM posting WHERE side = $1 AND key = ANY($2)
      """
    var side: Int16
    var keys: [Int64]
    var shortList: Int32

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 3)
      bindings.append(side)
      bindings.append(keys)
      bindings.append(shortList)
      return bindings
    }
  }

  /// The postings of `keys` on `side`.
  struct Postings: PreparedQuery {
    static let sql = "SELECT key, dense, ids FROM posting WHERE side = $1 AND key = ANY($2)"
    var side: Int16
    var keys: [Int64]

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 2)
      bindings.append(side)
      bindings.append(keys)
      return bindings
    }
  }

  /// The ids and texts of one side of the units of `ids` whose side is in `language`.
  struct SideTexts: PreparedQuery {
    static let sql = """
      SELECT id, CASE WHEN $2 = 0 THEN source_text ELSE target_text END FROM unit
      WHERE id = ANY($1) AND CASE WHEN $2 = 0 THEN source_lang ELSE target_lang END = $3
      """
    var ids: [Int64]
    var side: Int16
    var language: String

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 3)
      bindings.append(ids)
      bindings.append(side)
      bindings.append(language)
      return bindings
    }
  }

  /// The units of `ids`, in id order (``PostgresUnitRows/columns``).
  struct Units: PreparedQuery {
    static let sql = "SELECT \(PostgresUnitRows.columns) FROM unit WHERE id = ANY($1) ORDER BY id"
    var ids: [Int64]

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 1)
      bindings.append(ids)
      return bindings
    }
  }

  /// The properties of the units of `ids`, in the order stored.
  struct Properties: PreparedQuery {
    static let sql =
      "SELECT unit_id, type, value FROM unit_property WHERE unit_id = ANY($1) ORDER BY unit_id, position"
    var ids: [Int64]

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 1)
      bindings.append(ids)
      return bindings
    }
  }
}
