"""The role mapping (analytics/roles.py), case by case; each expected role is read off the rules
by hand: the highest role any group or the allowlist gives, else publik."""

import pytest

from analytics import roles
from analytics.roles import PENGELOLA, PUBLIK, STAF

RULES = roles.rules(
    {"claim": "groups", "staf": ["pulih-staf", "bappeda"], "pengelola": "pulih-adm"}
)


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({}, PUBLIK),  # no groups claim at all
        ({"groups": []}, PUBLIK),
        ({"groups": ["lain"]}, PUBLIK),  # a group no role names
        ({"groups": ["bappeda"]}, STAF),
        ({"groups": "pulih-staf"}, STAF),  # one group as a string
        ({"groups": ["pulih-staf", "pulih-adm"]}, PENGELOLA),  # the highest of two
        ({"groups": ["PULIH-ADM"]}, PUBLIK),  # group names are exact (providers keep case)
        ({"roles": ["pulih-adm"]}, PUBLIK),  # another claim than the configured one
        ({"groups": {"pulih-adm": True}}, PUBLIK),  # an object is not a list of groups
    ],
)
def test_role_from_the_groups_claim(claims, expected):
    assert roles.role_of(claims, RULES) == expected


def test_the_claim_name_is_configurable():
    rules = roles.rules({"claim": "roles", "pengelola": ["Pulih.Admin"]})
    assert roles.role_of({"roles": ["Pulih.Admin"]}, rules) == PENGELOLA
    assert roles.role_of({"groups": ["Pulih.Admin"]}, rules) == PUBLIK


@pytest.fixture
def allowlist(tmp_path):
    path = tmp_path / "roles.toml"
    path.write_text('staf = ["Ani@Kota.go.id"]\npengelola = ["budi@kota.go.id"]\n')
    return path


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({"email": "ani@kota.go.id"}, STAF),  # compared without case
        ({"email": " BUDI@kota.go.id "}, PENGELOLA),
        ({"email": "ani@kota.go.id", "email_verified": True}, STAF),
        ({"email": "ani@kota.go.id", "email_verified": False}, PUBLIK),  # unverified: not looked up
        ({"email": "citra@kota.go.id"}, PUBLIK),  # not listed
        # the list and the claim together: the higher of the two
        ({"email": "ani@kota.go.id", "groups": ["pulih-adm"]}, PENGELOLA),
        ({"email": "budi@kota.go.id", "groups": ["bappeda"]}, PENGELOLA),
    ],
)
def test_role_from_the_allowlist(allowlist, claims, expected):
    rules = roles.rules({"staf": ["bappeda"], "pengelola": ["pulih-adm"]}, allowlist)
    assert roles.role_of(claims, rules) == expected


def test_the_allowlist_can_be_named_in_the_settings(allowlist):
    rules = roles.rules({"allowlist": str(allowlist)})
    assert roles.role_of({"email": "budi@kota.go.id"}, rules) == PENGELOLA


@pytest.mark.parametrize(
    "text", ['admin = ["x@kota.go.id"]\n', 'staf = "not closed\n', "staf = [1, 2]\n"]
)
def test_an_allowlist_that_cannot_be_read_is_refused_with_the_reason(tmp_path, text):
    path = tmp_path / "roles.toml"
    path.write_text(text)
    with pytest.raises(roles.RolesError):
        roles.read_allowlist(path)


def test_roles_are_ordered():
    assert PUBLIK < STAF < PENGELOLA
