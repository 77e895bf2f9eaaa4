// Temporary entry point until the CLI stage lands (issue 2).
#include <cstdio>
int main() {
  std::puts("paperset " PAPERSET_VERSION);
  return 0;
}
