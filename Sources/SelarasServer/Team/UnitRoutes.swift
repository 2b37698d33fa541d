import Foundation
import Hummingbird
import Selaras

/// Units one at a time: `POST /v1/units` (write) adds them, `DELETE /v1/units/{id}` (admin)
/// removes one.
enum UnitRoutes {
  static func add(to router: Router<TeamContext>, memory: any TranslationMemory, blocking: StoreWork) {
    router.post("/v1/units") { request, context -> Response in
      let holder = try context.require(.write)
      let body = try await TeamServer.decode(UnitsRequest.self, from: request)
      let units = try body.units.enumerated().map { index, unit -> TranslationUnit in
        let (source, target) = try (TeamServer.language(unit.sourceLang), TeamServer.language(unit.targetLang))
        guard !unit.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
          !unit.target.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { throw APIError(.unprocessableContent, "unit \(index): an empty source or target") }
        let stored = TranslationUnit(
          sourceLanguage: source, targetLanguage: target, source: unit.source, target: unit.target,
          document: unit.document, creationTool: "Selaras server", user: holder.name)
        if let problem = stored.storageProblem { throw APIError(.unprocessableContent, "unit \(index): \(problem)") }
        return stored
      }
      let summary = try await blocking.run { try await memory.addUnits(units) }
      return try ServerResponse.json(UnitsResponse(added: summary.added, duplicates: summary.duplicates))
    }
    router.delete("/v1/units/{id}") { _, context -> Response in
      try context.require(.admin)
      guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
        throw APIError(.badRequest, "a unit's id is a number")
      }
      guard try await blocking.run({ try await memory.deleteUnit(id: id) }) else {
        throw APIError(.notFound, "no unit \(id)")
      }
      return try ServerResponse.json(["deleted": id])
    }
  }
}
