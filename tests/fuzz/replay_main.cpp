// Without libFuzzer (the normal gcc build): runs a fuzz target over its corpus
// in the tree, then over seeded mutations of it, so the test suite replays
// every input the fuzzers ever kept and a little more.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

void run(const QByteArray &input) { LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size())); }

QByteArray mutate(QByteArray input, QRandomGenerator &rng)
{
    const int edits = 1 + int(rng.bounded(4));
    for (int i = 0; i < edits; ++i) {
        const quint32 kind = rng.bounded(4);
        if (input.isEmpty() || kind == 0) input.insert(input.isEmpty() ? 0 : qsizetype(rng.bounded(quint32(input.size()))), char(rng.bounded(256)));
        else if (kind == 1) input[qsizetype(rng.bounded(quint32(input.size())))] = char(rng.bounded(256));
        else if (kind == 2) input.remove(qsizetype(rng.bounded(quint32(input.size()))), 1);
        else input[qsizetype(rng.bounded(quint32(input.size())))] ^= char(1u << rng.bounded(8));
    }
    return input;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR [MUTATIONS]\n", argv[0]);
        return 2;
    }
    QList<QByteArray> corpus;
    QDirIterator it(QString::fromLocal8Bit(argv[1]), QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly)) corpus.append(f.readAll());
    }
    if (corpus.isEmpty()) {
        std::fprintf(stderr, "empty corpus %s\n", argv[1]);
        return 2;
    }
    for (const QByteArray &input : corpus) run(input);
    const int mutations = argc > 2 ? std::atoi(argv[2]) : 20000;
    QRandomGenerator rng(1123);
    for (int i = 0; i < mutations; ++i) run(mutate(corpus.at(qsizetype(rng.bounded(quint32(corpus.size())))), rng));
    std::printf("%lld corpus inputs and %d mutations ran clean\n", static_cast<long long>(corpus.size()), mutations);
    return 0;
}
