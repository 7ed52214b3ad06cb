"""A staff-only download's file is served to its click only (ui/served_once.py), on Streamlit's
own in-memory media storage, as the /media route reads it."""

import pytest
from streamlit.runtime.media_file_storage import MediaFileKind, MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from ui import served_once


def made(storage, name: str, data: bytes, staff: bool = True) -> str:
    """A download made on a click, as Streamlit stores it: its URL's last part."""
    if staff:
        served_once.register(name, data)
    file_id = storage.load_and_get_id(data, "text/csv", MediaFileKind.DOWNLOADABLE, name)
    return storage.get_url(file_id).rsplit("/", 1)[1]  # writing the URL is not a fetch


@pytest.fixture
def storage():
    storage = MemoryMediaFileStorage("/media")
    served_once.wrap(storage)
    return storage


def test_the_click_reads_it_twice_and_a_replay_finds_nothing(storage):
    url = made(storage, "pulih_berkas_masukan_semua.csv", b"file_id,sha256\nx,abc\n")
    # the button's check of the URL, then the download: two reads (served_once.READS)
    assert storage.get_file(url).content == b"file_id,sha256\nx,abc\n"
    assert storage.get_file(url).content == b"file_id,sha256\nx,abc\n"
    with pytest.raises(MediaFileStorageError):
        storage.get_file(url)
    # another click makes it again
    url = made(storage, "pulih_berkas_masukan_semua.csv", b"file_id,sha256\nx,abc\n")
    assert storage.get_file(url).content == b"file_id,sha256\nx,abc\n"


def test_a_file_not_fetched_in_time_is_not_served(storage, monkeypatch):
    monkeypatch.setattr(served_once, "SERVED_FOR", -1.0)  # already past its time
    url = made(storage, "pulih_baris_ditolak_semua.csv", b"line,reason\n2,bad\n")
    with pytest.raises(MediaFileStorageError):
        storage.get_file(url)
    with pytest.raises(MediaFileStorageError):  # and it is gone from the storage
        storage.get_file(url)


def test_a_public_download_is_served_as_streamlit_serves_it(storage):
    url = made(storage, "pulih_sumber_semua.csv", b"source\nKompas\n", staff=False)
    for _ in range(5):
        assert storage.get_file(url).content == b"source\nKompas\n"
