"""Quick-cash amounts: what a customer is likely to hand over for an amount due."""

from __future__ import annotations

from pos.domain.money import Money, exponent

NOTES = (5, 10, 20, 50)  # major units: the next note or round sum a customer hands over
MAX_OFFERS = 4


def quick_cash(due: Money) -> tuple[Money, ...]:
    """The exact amount, then the next multiple of 5, 10, 20 and 50 above it, each once.

    `quick_cash(Money(4730, "EUR"))` is 47.30, 50.00, 60.00 (the next 10 is 50 again, the
    next 50 too); nothing is offered for nothing due. At most `MAX_OFFERS` amounts.
    """
    if due.minor <= 0:
        return ()
    unit = 10 ** exponent(due.currency)
    offers = [due.minor]
    for note in NOTES:
        step = note * unit
        rounded = -(-due.minor // step) * step  # up to the next multiple of `step`
        if rounded not in offers:
            offers.append(rounded)
    return tuple(Money(minor, due.currency) for minor in sorted(offers)[:MAX_OFFERS])
