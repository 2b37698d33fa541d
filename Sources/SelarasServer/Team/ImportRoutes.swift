import Foundation
import Hummingbird
import Selaras

/// TMX imports as jobs: `POST /v1/imports` (write) streams the file to `uploads` and starts the
/// job; `GET /v1/imports/{id}` tells how it went.
enum ImportRoutes {
  static func add(
    to router: Router<TeamContext>, memory: any TranslationMemory, imports: ImportJobs, uploads: URL,
    report: @escaping @Sendable (String) -> Void
  ) {
    router.post("/v1/imports") { request, context -> Response in
      let holder = try context.require(.write)
      // The body goes to a file as it arrives, never held whole.
      let file = uploads.appendingPathComponent("selaras-import-\(UUID().uuidString)")
      guard FileManager.default.createFile(atPath: file.path, contents: nil),
        let handle = try? FileHandle(forWritingTo: file)
      else {
        report("cannot create an upload in \(uploads.path)")
        throw APIError(.internalServerError, "cannot store the upload on the server")
      }
      var size = 0
      do {
        defer { try? handle.close() }
        for try await buffer in request.body {
          size += buffer.readableBytes
          guard size <= TeamServer.importLimit else {
            throw APIError(.contentTooLarge, "an import is at most \(TeamServer.importLimit) bytes")
          }
          try handle.write(contentsOf: Data(buffer: buffer))
        }
      } catch {
        try? FileManager.default.removeItem(at: file)
        throw error
      }
      let id = await imports.start(file: file, memory: memory, author: holder.name, report: report)
      return try ServerResponse.json(["job": "/v1/imports/\(id)"], status: .accepted)
    }
    router.get("/v1/imports/{id}") { _, context -> Response in
      try context.require(.read)
      guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)), let status = await imports.status(id)
      else {
        throw APIError(.notFound, "no such import")
      }
      return try ServerResponse.json(status)
    }
  }
}
