/// Function words of news text, which a term neither starts nor ends with.
package enum StopWords {
  /// Whether `word` (lowercased) is a function word of `language`.
  package static func contains(_ word: String, language: LanguageTag) -> Bool {
    language == .indonesian ? indonesian.contains(word) : english.contains(word)
  }

  static let english: Set<String> = FeatureExtractor.englishStopwords.union([
    "after", "against", "any", "because", "before", "being", "between", "both", "can", "could", "did", "do",
    "does", "during", "each", "few", "if", "more", "most", "must", "new", "now", "one", "only", "other", "out",
    "own", "same", "should", "so", "some", "such", "them", "then", "these", "those", "through", "under",
    "until", "very", "what", "when", "where", "while", "why", "how", "may", "might", "told", "says", "since",
    "last", "next", "per", "year", "years", "month", "week", "day", "percent", "him", "me", "my", "us", "your",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands",
    "millions", "million", "billion", "thousand", "trillion",
  ])

  static let indonesian: Set<String> = [
    "yang", "dan", "di", "ke", "dari", "pada", "untuk", "dengan", "ini", "itu", "dalam", "akan", "telah",
    "sudah", "juga", "tidak", "oleh", "sebagai", "atau", "karena", "bahwa", "ia", "dia", "mereka", "kami",
    "kita", "saya", "adalah", "merupakan", "para", "sang", "si", "tersebut", "kata", "ujar", "ucap", "jelas",
    "menurut", "hingga", "sampai", "namun", "tetapi", "tapi", "serta", "bagi", "antara", "lebih", "masih",
    "pun", "lagi", "agar", "supaya", "jika", "kalau", "bila", "saat", "ketika", "setelah", "sebelum", "sejak",
    "selama", "secara", "sekitar", "sebesar", "sebanyak", "hanya", "bisa", "dapat", "harus", "ada", "tak",
    "belum", "pernah", "sedang", "baru", "sangat", "paling", "nya", "pula", "yakni", "yaitu", "seperti",
    "bulan", "hari", "pekan", "persen", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "puluhan",
    "ratusan", "ribuan", "jutaan", "ribu", "juta", "miliar", "triliun", "ratus", "puluh", "sebelumnya", "kemudian", "lalu", "kini", "sementara",
    "adapun", "terhadap", "melalui", "tentang", "atas", "bawah", "usai", "jadi", "menjadi",
    "mengatakan", "menambahkan", "kepada", "sebuah", "seorang", "satu", "dua", "tiga", "empat", "lima",
    "beberapa", "banyak", "semua", "seluruh", "setiap", "tiap", "lain", "lainnya", "pihak", "hal",
  ]
}
