import Selaras

/// What news pages put around an article: datelines, photo credits, links, prompts and
/// trailers, in the shapes Indonesian news sites and wire services use.
///
/// The fit half and the test half draw on different lines, so that a score on the test half
/// says how the aligner does on chrome it was not tuned on. `{title}` stands for a headline
/// of another article, `{name}` for a person, `{site}` for a news site, `{initials}` for an
/// editor's initials.
struct PageChrome: Sendable {
  var indonesian: [String]
  /// Lines after the article's last sentence.
  var indonesianTrailers: [String]
  var english: [String]
  var englishTrailers: [String]
  var sites: [String]
  var cities: [String]
  var photographers: [String]
  var agencies: [(english: String, indonesian: String)]
  /// Lines between the headline and the article: date and time, byline, breadcrumb.
  var indonesianMasthead: [String]
  var englishMasthead: [String]

  static func forHalf(_ half: ParallelDocuments.Half) -> PageChrome {
    half == .fit ? fit : test
  }

  static let fit = PageChrome(
    indonesian: [
      "Baca juga: {title}", "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Simak Video \"{title}\"",
      "Gabung grup WhatsApp {site} untuk kabar terbaru", "Nyaman tanpa iklan.", "Baca Juga",
      "{title}", "Halaman selanjutnya",
    ],
    indonesianTrailers: [
      "Editor: {name}", "({initials}/{initials})", "Cek Berita dan Artikel yang lain di Google News",
      "Simak berita dan artikel lainnya di Google News.", "Penulis: {name}", "Berita Populer", "Topik Terkait",
    ],
    english: ["Advertisement", "Sign up here.", "Read more: {title}", "Related coverage"],
    englishTrailers: [
      "(Reporting by {name}; Editing by {name})", "Our Standards: The Thomson Reuters Trust Principles.",
      "(Reporting by {name} in Jakarta; Writing by {name}; Editing by {name})",
    ],
    sites: ["CNN Indonesia", "Bisnis.com", "Liputan6.com", "detikcom"],
    cities: ["JAKARTA", "SURABAYA", "BANDUNG", "MEDAN", "WASHINGTON", "LONDON"],
    photographers: ["Willy Kurniawan", "Ajeng Dinar Ulfiana", "Dita Alangkara", "Tatan Syuflana"],
    agencies: [("REUTERS", "REUTERS"), ("AP Photo", "AP Photo"), ("AFP", "AFP")],
    indonesianMasthead: [
      "Selasa, 12 Nov 2024 10:15 WIB", "{site} - 12/11/2024, 10:15 WIB", "Berita > Internasional",
      "Rabu, 04 Des 2024 19:02 WIB",
    ],
    englishMasthead: ["November 12, 2024 10:15 AM GMT+7", "By {name}"])

  static let test = PageChrome(
    indonesian: [
      "Artikel Terkait", "Berita Lainnya", "Silakan login untuk menikmati artikel Konten Premium.", "Foto",
      "Scan QR Code untuk membaca e-paper {site}", "Rekomendasi Kami", "Lihat Juga: {title}", "Iklan",
      "Pilihan Untukmu", "Download aplikasi {site} untuk berita terkini",
    ],
    indonesianTrailers: [
      "Dapatkan informasi komprehensif di {site} dengan berlangganan.", "Berita Terbaru", "# Hot Topic",
      "Reporter: {name}", "({initials})", "Artikel ini telah tayang di {site} dengan judul \"{title}\"",
      "Ikuti berita terkini dari {site} di Google News",
    ],
    english: ["Advertisement · Scroll to continue", "RELATED STORIES", "Recommended Stories", "Read more"],
    englishTrailers: [
      "(Additional reporting by {name}; Editing by {name})", "Copyright 2024 The Associated Press.",
      "Get weekly news and analysis on Asia in your inbox.", "Reporting by {name}; editing by {name}",
    ],
    sites: ["Kompas.com", "Tempo.co", "Republika", "Tribunnews"],
    cities: ["JAKARTA", "YOGYAKARTA", "MAKASSAR", "DENPASAR", "SINGAPORE", "BEIJING"],
    photographers: ["Ajeng Dinar Ulfiana", "Antara Foto", "Achmad Ibrahim", "Yuddy Cahya"],
    agencies: [("REUTERS", "REUTERS"), ("AP Photo", "AP Photo"), ("ANTARA FOTO", "ANTARA FOTO")],
    indonesianMasthead: [
      "Kamis, 7 Maret 2024 | 08:30 WITA", "{site} | 07/03/2024, 08.30 WIB", "Home / Nasional / Hukum",
      "Jumat 15/11/2024 16:45",
    ],
    englishMasthead: ["Updated 07 March 2024, 08:30 GMT", "By {name} and {name}"])

  static let firstNames = ["Ananda", "Stanley", "Martin", "Kate", "Gayatri", "Fransiska", "Tom", "Yuddy", "Agus"]
  static let lastNames = ["Teresia", "Widianto", "Petty", "Lamb", "Suroyo", "Nangoy", "Hogue", "Budiman", "Wibowo"]
  static let months = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]

  /// A chrome line with its placeholders filled.
  static func fill(_ pattern: String, title: String, site: String, random: inout SeededGenerator) -> String {
    var line = pattern.replacingOccurrences(of: "{title}", with: title)
      .replacingOccurrences(of: "{site}", with: site)
    while let range = line.range(of: "{name}") {
      line.replaceSubrange(range, with: "\(random.pick(firstNames)) \(random.pick(lastNames))")
    }
    let letters = Array("abcdefghijklmnoprstuwy")
    while let range = line.range(of: "{initials}") {
      line.replaceSubrange(range, with: String((0..<3).map { _ in random.pick(letters) }))
    }
    return line
  }
}
