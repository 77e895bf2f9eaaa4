#include "pdf/util.h"

#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDFCryptoProvider.hh>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <exception>
#include <thread>
#include <vector>

#include "base/utf8.h"

namespace pdf {

void append_num(std::string& out, double v, int decimals) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  char* end = r.ptr;
  if (std::find(buf, end, '.') != end) {
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
  }
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
    out += '0';
    return;
  }
  out.append(buf, end);
}

std::string num(double v, int decimals) {
  std::string s;
  append_num(s, v, decimals);
  return s;
}

void append_len(std::string& out, base::Len l) {
  if (l < 0) out += '-';
  const base::Len a = l < 0 ? -l : l;
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, a / 1000);
  out.append(buf, r.ptr);
  base::Len frac = a % 1000;
  if (frac == 0) return;
  char f[4] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
               static_cast<char>('0' + frac % 10), 0};
  int n = 3;
  while (f[n - 1] == '0') --n;
  out += '.';
  out.append(f, static_cast<std::size_t>(n));
}

std::string len(base::Len l) {
  std::string s;
  append_len(s, l);
  return s;
}

void append_hex4(std::string& out, unsigned v) {
  static const char kHex[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
}

std::string utf16_hex(std::string_view utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    int n = 1;
    const char32_t cp = base::decode_utf8(utf8, i, n);
    i += static_cast<std::size_t>(n);
    if (cp < 0x10000) {
      append_hex4(out, static_cast<unsigned>(cp));
    } else {  // UTF-16 surrogate pair (Unicode §3.9, D91)
      const char32_t v = cp - 0x10000;
      append_hex4(out, static_cast<unsigned>(0xD800 + (v >> 10)));
      append_hex4(out, static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
    }
  }
  return out;
}

std::string flate(const std::string& bytes) {
  std::string out;
  Pl_String sink("flate", nullptr, out);
  Pl_Flate deflate("flate", &sink, Pl_Flate::a_deflate);
  deflate.write(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  deflate.finish();
  return out;
}

std::string md5_hex(const std::string& bytes) {
  auto md5 = QPDFCryptoProvider::getImpl();
  md5->MD5_init();
  md5->MD5_update(reinterpret_cast<unsigned char*>(const_cast<char*>(bytes.data())), bytes.size());
  md5->MD5_finalize();
  unsigned char d[16];
  md5->MD5_digest(d);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : d) {
    hex += kHex[c >> 4];
    hex += kHex[c & 0xF];
  }
  return hex;
}

std::string sha256_hex(const std::string& bytes) {
  auto sha = QPDFCryptoProvider::getImpl();
  sha->SHA2_init(256);
  sha->SHA2_update(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  sha->SHA2_finalize();
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : sha->SHA2_digest()) {
    hex += kHex[c >> 4];
    hex += kHex[c & 0xF];
  }
  return hex;
}

void parallel_for(std::size_t n, int jobs, const std::function<void(std::size_t)>& job) {
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(n);
  auto worker = [&] {
    for (std::size_t i; (i = next++) < n;) {
      try {
        job(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  const std::size_t want = jobs > 0 ? static_cast<std::size_t>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < std::min(n, want); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace pdf
