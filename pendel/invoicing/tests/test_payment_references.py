"""Payment references checked against examples that banks and their software publish, not
against the code's own check-digit function: a bank refuses a reference whose check digit
is wrong, and the payment is then not matched to its invoice."""

import pytest

from pendel.invoicing.identifiers import (
    kid_valid,
    mod10_check_digit,
    mod11_check_digit,
    no_account_valid,
    ocr_valid,
    payment_reference,
)


@pytest.mark.parametrize(
    ("number", "check"),
    [
        # The Luhn (MOD10) example of the algorithm's description: 7992739871 → 3
        # (en.wikipedia.org/wiki/Luhn_algorithm, "Example for computing check digit").
        ("7992739871", "3"),
        # A Norwegian KID with MOD10: invoice number 60224 gives KID 602243 (Monitor ERP's
        # manual, "Getting started with KID numbers", help.monitorerp.com).
        ("60224", "3"),
        # Swedish OCR with check digit only: invoice F-170001 is paid as 1700012
        # (ADJob's "OCR med kontrollsiffra", adjob.se/ocr).
        ("170001", "2"),
        # Bankgirot's OCR check digit is "10-modul" (bankgirot.se, "OCR-referenskontroll"),
        # the algorithm of the Swedish personal identity number's check digit (cogwork.se,
        # "Kontrollsiffror för OCR- och personnummer"); 811218-9876 is the example number of
        # sv.wikipedia.org/wiki/Personnummer_i_Sverige.
        ("811218987", "6"),
        # Bankgiro numbers end in the same Luhn check digit: 5050-1055, the bankgiro number
        # of Bankgirot's example files (Bankgiro Inbetalningar, technical manual).
        ("5050105", "5"),
        # The Mastercard test card of payment providers' sandboxes, 5105 1051 0510 5100
        # (e.g. PayPal's and Stripe's test card lists): a Luhn check digit of 0.
        ("510510510510510", "0"),
    ],
)
def test_the_mod10_check_digit_matches_published_examples(number, check):
    assert mod10_check_digit(number) == check


def test_a_norwegian_invoice_carries_a_kid_with_a_mod10_check_digit():
    # 60224 → KID 602243 (Monitor ERP, as above); the KID is padded to eight digits with
    # leading zeros, which do not change a MOD10 check digit.
    assert payment_reference("NO", "NG-060224", 60224) == "00602243"


def test_a_swedish_invoice_carries_an_ocr_number_with_length_and_check_digit():
    # 3646124682631 is a valid Bankgiro OCR reference with length digit 3 (13 digits) and
    # check digit 1 (the sample input of the FileMaker function CheckBankGiro,
    # briandunning.com/cf/2455).
    assert payment_reference("SE", "JH36461246826", 36461246826) == "3646124682631"
    # Seven digits, a length digit and a check digit: nine digits, length digit 9.
    reference = payment_reference("SE", "JH0000042", 42)
    assert (len(reference), reference[-2]) == (9, "9")


def test_a_dutch_invoice_is_paid_with_its_invoice_number():
    """No structured betalingskenmerk (Currence) in the Netherlands yet: the invoice number
    is the payment reference, as a free-text description."""
    assert payment_reference("NL", "OV-000042", 42) == "OV-000042"


@pytest.mark.parametrize(
    ("account", "valid"),
    [
        # Norwegian account numbers end in a MOD11 check digit (weights 5,4,3,2,7,6,5,4,3,2).
        ("8601.11.17947", True),
        ("8601.11.17948", False),
        ("8601.11.17974", False),  # two digits swapped
        ("8601.11.1794", False),  # a digit missing
        # 8·5+6·4+0·3+1·2+1·7+1·6+1·5+7·4+1·3+3·2 = 121 = 11·11: remainder 0, check digit 0
        ("8601.11.17130", True),
        ("8601.11.17131", False),
    ],
)
def test_norwegian_account_numbers(account, valid):
    assert no_account_valid(account) is valid


# KID with MOD10 and MOD11 (Nets, now Mastercard Payment Services: "System Specification OCR
# giro", chapter 4, "Eksempel på utregning av kontrollsiffer i modulus 10 og 11"; MOD11
# weights 2-7 from the right, and "-" as the check digit when it would be 10). The examples
# below are the ones published with open KID implementations that follow it, since the Nets
# PDF itself could not be fetched here: github.com/Ondkloss/norwegian-numbers.js,
# test/norwegian-numbers.ts ("234567" → 2345676 MOD10; "1234567890" → 12345678903,
# "31" → 310 and "40" → "40-" MOD11), and NAV's github.com/navikt/mulighetsrommet,
# ModulusTest ("2345676", "23456767" and "0044555258" valid MOD10, "0365327" valid MOD11).
@pytest.mark.parametrize(
    ("kid", "method", "valid"),
    [
        ("2345676", "mod10", True),
        ("23456767", "mod10", True),
        ("0044555258", "mod10", True),
        ("2345674", "mod10", False),
        ("0044555251", "mod10", False),
        ("12345678903", "mod11", True),
        ("310", "mod11", True),
        ("40-", "mod11", True),
        ("400", "mod11", False),
        ("0365327", "mod11", True),
        ("0365328", "mod11", False),
        ("602243", "mod10", True),  # Monitor ERP, as above
        ("6", "mod10", False),  # a KID has at least two characters
        ("1" * 26, "mod10", False),  # and at most 25
    ],
)
def test_kids_match_the_published_examples(kid, method, valid):
    assert kid_valid(kid, method) is valid


def test_a_kid_can_be_made_with_mod11_and_the_invoices_kids_pass_the_check():
    assert mod11_check_digit("1234567890") == "3"
    assert mod11_check_digit("40") == "-"
    for sequence in (1, 42, 60224, 9_999_999):
        assert kid_valid(payment_reference("NO", "NG-1", sequence), "mod10")
        assert kid_valid(payment_reference("NO", "NG-1", sequence, kid="mod11"), "mod11")


# Swedish OCR references with a length digit (Bankgirot, "OCR-referenskontroll" and
# "Beräkning av checksiffra enligt 10-modul", bankgirot.se): the digit before the check digit
# is the number of digits, tens left out. Examples: 3646124682631 (13 digits, length digit 3:
# the FileMaker function CheckBankGiro, as above) and 0072019122420063 (16 digits, length
# digit 6, check digit 3: the worked example of the npm package "ocrgenerator", which
# points to Bankgirot's online check).
@pytest.mark.parametrize(
    ("reference", "valid"),
    [
        ("3646124682631", True),
        ("0072019122420063", True),
        ("0072019122420064", False),  # wrong check digit
        ("0072019122420053", False),  # wrong length digit
        ("072019122420063", False),  # a digit missing: length 15, not 16
    ],
)
def test_swedish_ocr_references_with_a_length_digit(reference, valid):
    assert ocr_valid(reference) is valid


def test_every_swedish_invoice_gets_an_ocr_number_bankgirot_accepts():
    for sequence in (1, 42, 9_999_999, 10_000_000):
        assert ocr_valid(payment_reference("SE", "JH1", sequence))
