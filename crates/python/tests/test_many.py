"""tag_many(): many texts on every core, the GIL released, results in order."""

import threading
import time

import pytest

TEXTS = [
    "Le JNIM a attaqué Boulikessi.",
    "",
    "Des combattants de l'EIGS près de Ménaka; 🙂 les FAMa à Kidal.",
    "هاجمت جماعة نصرة الإسلام والمسلمين بتمبكتو.",
    "Rien.",
] * 40


def test_the_same_as_tag_in_order(tagger):
    expected = [tagger.tag(t) for t in TEXTS]
    assert tagger.tag_many(TEXTS) == expected
    for threads in [1, 2, 3, 64]:
        assert tagger.tag_many(TEXTS, threads=threads) == expected
    assert tagger.tag_many(TEXTS, details=True, unlisted=True, possible=True) == [
        tagger.tag(t, details=True, unlisted=True, possible=True) for t in TEXTS
    ]


def test_any_iterable_of_str(tagger):
    assert tagger.tag_many([]) == []
    assert tagger.tag_many(t for t in TEXTS[:3]) == tagger.tag_many(TEXTS[:3])
    assert tagger.tag_many(tuple(TEXTS[:3])) == tagger.tag_many(TEXTS[:3])


def test_bad_arguments(tagger):
    with pytest.raises(TypeError, match=r"texts\[2\] is not a str \(NoneType\)"):
        tagger.tag_many(["Gao", "Kidal", None])
    with pytest.raises(TypeError, match="not a str"):
        tagger.tag_many("Kidal")
    with pytest.raises(TypeError):
        tagger.tag_many(3)
    with pytest.raises(ValueError, match="threads must be at least 1"):
        tagger.tag_many(TEXTS, threads=0)
    with pytest.raises((OverflowError, TypeError)):
        tagger.tag_many(TEXTS, threads=-1)


def test_the_gil_is_released_while_tagging(tagger):
    """While tag_many runs in one thread, another Python thread keeps running. Each of its iterations
    sleeps 1 ms, so if tag_many held the GIL it could not take more than a few of them during the call
    (one switch interval before the call enters native code); with the GIL released it takes one per
    millisecond of tagging. What is asserted is that progress, not a duration."""
    big = ["Le JNIM a attaqué Boulikessi, près de Ménaka et de Kidal. " * 20_000] * 8
    progress = [0]
    during = []
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            progress[0] += 1
            time.sleep(0.001)

    def work():
        before = progress[0]
        tagger.tag_many(big, threads=2)
        during.append(progress[0] - before)

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
    finally:
        stop.set()
        spinner.join()
    assert during[0] >= 20, f"the other thread ran {during[0]} times during tag_many"


def test_threads_share_one_tagger(tagger):
    results = {}

    def work(i):
        results[i] = tagger.tag_many(TEXTS, threads=2)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = tagger.tag_many(TEXTS, threads=1)
    assert all(results[i] == expected for i in range(4))
