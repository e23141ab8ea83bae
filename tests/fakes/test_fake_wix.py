"""The fake Wix itself, over real HTTP: auth, validation, paging, stock, orders."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx

from pos.domain.money import Money
from pos.sync.wix_orders import order_from_wix
from tests.fakes.conftest import TIMEOUT, item_id
from tests.fakes.wix import FakeWix

# ------------------------------------------------------------------ HTTP rules


def test_auth_refusals_are_wix_shaped(fake_wix: FakeWix) -> None:
    with httpx.Client(base_url=fake_wix.base_url, timeout=TIMEOUT) as http:
        cases = [
            ({}, 401, "UNAUTHENTICATED"),
            (
                {"Authorization": f"Bearer {fake_wix.api_key}", "wix-site-id": fake_wix.site_id},
                401,
                None,
            ),
            ({"Authorization": fake_wix.api_key}, 403, "PERMISSION_DENIED"),
            ({"Authorization": fake_wix.api_key, "wix-site-id": "other"}, 403, "PERMISSION_DENIED"),
        ]
        for headers, status, code in cases:
            response = http.get("/stores/v3/provision/version", headers=headers)
            assert response.status_code == status
            assert response.headers["X-Wix-Request-Id"]
            error = response.json()["details"]["applicationError"]
            assert error["code"] == (code or "UNAUTHENTICATED") and response.json()["message"]
    assert [e.status for e in fake_wix.log.entries] == [401, 401, 403, 403]


def test_validation_errors_name_field_and_rule(client: httpx.Client) -> None:
    item = item_id(client, "TS-M")
    body = {"incrementData": [{"inventoryItemId": item["id"], "incrementBy": "2", "x": 1}]}
    response = client.post("/stores/v3/bulk/inventory-items/increment", json=body)
    assert response.status_code == 400
    violations = response.json()["details"]["validationError"]["fieldViolations"]
    assert {(v["field"], v["violatedRule"]) for v in violations} == {
        ("incrementData[0].x", "FIELD_NOT_ALLOWED"),
        ("incrementData[0].incrementBy", "VALIDATION"),
    }
    assert all(v["description"] for v in violations)
    too_many = {"incrementData": [{"inventoryItemId": item["id"], "incrementBy": 1}] * 301}
    response = client.post("/stores/v3/bulk/inventory-items/increment", json=too_many)
    (violation,) = response.json()["details"]["validationError"]["fieldViolations"]
    assert (response.status_code, violation["field"], violation["violatedRule"]) == (
        400,
        "incrementData",
        "MAX_SIZE",
    )
    assert item_id(client, "TS-M")["quantity"] == 10  # nothing applied
    ok = {"incrementData": [{"inventoryItemId": item["id"], "incrementBy": 1}] * 300}
    assert client.post("/stores/v3/bulk/inventory-items/increment", json=ok).status_code == 200
    assert item_id(client, "TS-M")["quantity"] == 310


def test_bodies_must_be_json_objects(client: httpx.Client) -> None:
    url = "/ecom/v1/orders/search"
    assert client.post(url, content=b"{}", headers={"Content-Type": "text/plain"}).is_client_error
    assert client.post(url, content=b"{not json").status_code == 400
    assert client.post(url, json=[]).status_code == 400
    assert client.post(url, json={"search": {"cursorPaging": {"limit": 101}}}).status_code == 400
    assert client.get("/nowhere").status_code == 404


# ------------------------------------------------------------------ orders and paging


def test_cursor_paging_through_250_orders(fake_wix: FakeWix, client: httpx.Client) -> None:
    fake_wix.state.clock.set(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    for index in range(250):
        fake_wix.state.add_order([("TS-M", 1)], email=f"c{index}@example.com")
        if index % 3 == 0:  # the others share the previous order's updatedDate: ties
            fake_wix.state.clock.advance(milliseconds=1)
    first = {
        "filter": {"updatedDate": {"$gte": "2026-03-01T09:00:00Z"}},
        "sort": [{"fieldName": "updatedDate", "order": "ASC"}],
        "cursorPaging": {"limit": 100},
    }
    search: dict[str, Any] = first
    seen: list[str] = []
    dates: list[str] = []
    while True:
        body = client.post("/ecom/v1/orders/search", json={"search": search}).json()
        seen += [order["id"] for order in body["orders"]]
        dates += [order["updatedDate"] for order in body["orders"]]
        if not body["metadata"]["hasNext"]:
            assert "next" not in body["metadata"]["cursors"]
            break
        search = {"cursorPaging": {"limit": 100, "cursor": body["metadata"]["cursors"]["next"]}}
    assert len(seen) == len(set(seen)) == 250 and dates == sorted(dates)
    counts = [e.body["search"] for e in fake_wix.log.matching("/ecom/v1/orders/search")]
    assert [set(c) for c in counts] == [set(first), {"cursorPaging"}, {"cursorPaging"}]
    mixed = {"search": {**search, "filter": {"status": "APPROVED"}}}
    assert client.post("/ecom/v1/orders/search", json=mixed).status_code == 400
    undeclared = {"search": {"filter": {"buyerNote": "x"}}}
    response = client.post("/ecom/v1/orders/search", json=undeclared)
    assert "is not declared as filterable" in response.json()["message"]


def test_order_json_parses_with_order_from_wix(fake_wix: FakeWix, client: httpx.Client) -> None:
    order = fake_wix.state.add_order([("TS-M", 2), ("TS-L", 1, "25.00")], shipping="4.90")
    found = client.post(
        "/ecom/v1/orders/search", json={"search": {"filter": {"number": order["number"]}}}
    ).json()["orders"]
    transactions = client.get(f"/ecom/v1/payments/orders/{order['id']}").json()
    data = order_from_wix(found[0], transactions)
    assert data.number == order["number"] and len(data.lines) == 2
    assert data.stated_total == Money(8970, "EUR") == data.total()


def test_create_order_records_a_pos_sale(fake_wix: FakeWix, client: httpx.Client) -> None:
    line = fake_wix.state.catalog_line("TS-L", 1)
    order = {
        "channelInfo": {"type": "POS", "externalOrderId": "doc-2"},
        "lineItems": [line],
        "priceSummary": {"total": {"amount": "29.90"}},
    }
    assert client.post("/ecom/v1/orders", json={"order": {**order, "id": "x"}}).status_code == 400
    bad_line = {**order, "lineItems": [{**line, "id": "not-a-guid"}]}
    assert client.post("/ecom/v1/orders", json={"order": bad_line}).status_code == 400
    created = client.post("/ecom/v1/orders", json={"order": order}).json()["order"]
    assert created["status"] == "APPROVED" and fake_wix.state.stock("TS-L") == 1
    assert fake_wix.state.orders_with_external_id("doc-2")[0]["id"] == created["id"]


def test_refund_with_restock_moves_stock_exactly_once(
    fake_wix: FakeWix, client: httpx.Client
) -> None:
    order = fake_wix.state.add_order([("TS-M", 3)], payments=[("card", "59.80"), ("cash", "29.90")])
    line_id = order["lineItems"][0]["id"]
    card, cash = client.get(f"/ecom/v1/payments/orders/{order['id']}").json()["orderTransactions"][
        "payments"
    ]
    refund = {
        "orderId": order["id"],
        "paymentRefunds": [
            {"paymentId": cash["id"], "amount": {"amount": "29.90"}, "externalRefund": True}
        ],
        "refundItems": {"lineItems": [{"lineItemId": line_id, "quantity": 1}]},
        "sideEffects": {"restock": {"lineItems": [{"lineItemId": line_id, "quantity": 1}]}},
    }
    response = client.post("/ecom/v1/order-billing/refund-payments", json=refund)
    assert response.status_code == 200, response.text
    assert response.json()["refund"]["transactions"][0]["externalRefund"] is True
    assert fake_wix.state.stock("TS-M") == 11
    after = client.get(f"/ecom/v1/orders/{order['id']}").json()["order"]
    assert after["paymentStatus"] == "PARTIALLY_REFUNDED"
    assert (after["lineItems"][0]["refundQuantity"], after["lineItems"][0]["restockQuantity"]) == (
        1,
        1,
    )
    assert after["balanceSummary"]["refunded"]["amount"] == "29.90"
    # the cash payment is REFUNDED now; a line cannot be restocked beyond its quantity
    again = client.post("/ecom/v1/order-billing/refund-payments", json=refund)
    assert again.status_code == 428
    assert again.json()["details"]["applicationError"]["code"] == "PAYMENT_NOT_REFUNDABLE"
    refund["paymentRefunds"] = [{"paymentId": card["id"], "amount": {"amount": "1.00"}}]
    refund["sideEffects"]["restock"]["lineItems"][0]["quantity"] = 3
    code = client.post("/ecom/v1/order-billing/refund-payments", json=refund).json()
    assert code["details"]["applicationError"]["code"] == "INVALID_LINE_ITEM_RESTOCK_QUANTITY"
    refund["paymentRefunds"] = [{"paymentId": "nope"}]
    assert client.post("/ecom/v1/order-billing/refund-payments", json=refund).status_code == 404
    assert fake_wix.state.stock("TS-M") == 11  # refused refunds moved nothing
    transactions = client.get(f"/ecom/v1/payments/orders/{order['id']}").json()
    data = order_from_wix(after, transactions)
    assert data.lines[0].restocked_quantity == 1
    assert [p.status for p in data.payments] == ["APPROVED", "REFUNDED"]


def test_a_gift_card_payment_is_refunded_whole_or_not_at_all(
    fake_wix: FakeWix, client: httpx.Client
) -> None:
    order = fake_wix.state.add_order([("TS-M", 1)], payments=[("gift_card", "20.00"),
                                                          ("card", "9.90")])  # fmt: skip
    gift, card = client.get(f"/ecom/v1/payments/orders/{order['id']}").json()[
        "orderTransactions"
    ]["payments"]

    def refund(amount: str | None, *, external: bool = False) -> httpx.Response:
        entry: dict[str, Any] = {"paymentId": gift["id"], "externalRefund": external}
        if amount is not None:
            entry["amount"] = {"amount": amount}
        body = {"orderId": order["id"], "paymentRefunds": [entry]}
        return client.post("/ecom/v1/order-billing/refund-payments", json=body)

    # Part of a gift-card payment: refused, through Wix or recorded as external (§2.7).
    for external in (False, True):
        refused = refund("5.00", external=external)
        assert refused.status_code == 428
        assert refused.json()["details"]["applicationError"]["code"] == (
            "INVALID_PAYMENT_REFUND_AMOUNT"
        )
    assert fake_wix.state.get_transactions(order["id"])["refunds"] == []
    # Whole: refunded, and the payment shows VOIDED; nothing is left to refund on it.
    assert refund("20.00").status_code == 200
    payments = fake_wix.state.get_transactions(order["id"])["payments"]
    assert [p["status"] for p in payments] == ["VOIDED", "APPROVED"]
    again = refund(None)
    assert again.json()["details"]["applicationError"]["code"] == "PAYMENT_NOT_REFUNDABLE"
    assert card["status"] == "APPROVED"


def test_draft_order_commits_exactly_once(fake_wix: FakeWix, client: httpx.Client) -> None:
    product = next(iter(fake_wix.state.products.values()))
    variant = product.variants[0]
    draft = {
        "draftOrder": {
            "catalogLineItems": [
                {
                    "catalogReference": {
                        "catalogItemId": product.id,
                        "appId": "215238eb-22a5-4c36-9e7b-e7c08025e04e",
                        "options": {"variantId": variant.id},
                    },
                    "quantity": 2,
                }
            ]
        }
    }
    created = client.post("/ecom/v1/draft-orders", json=draft).json()["calculatedDraftOrder"]
    draft_id = created["draftOrder"]["id"]
    assert created["draftOrder"]["status"] == "DRAFT"
    commit = {"channelInfo": {"type": "POS", "externalOrderId": "doc-uuid-1"}}
    url = f"/ecom/v1/draft-orders/{draft_id}/create-order"
    first = client.post(url, json=commit)
    assert first.status_code == 200
    order = first.json()["createdOrder"]
    assert (order["status"], order["paymentStatus"]) == ("APPROVED", "NOT_PAID")
    second = client.post(url, json=commit)
    assert second.status_code == 409
    assert second.json()["details"]["applicationError"]["code"] == "DRAFT_ORDER_ALREADY_COMMITTED"
    got = client.get(f"/ecom/v1/draft-orders/{draft_id}").json()["calculatedDraftOrder"]
    assert got["draftOrder"]["orderId"] == order["id"]
    assert fake_wix.state.stock("TS-M") == 8  # moved once
    by_external = {"search": {"filter": {"channelInfo.externalOrderId": "doc-uuid-1"}}}
    (found,) = client.post("/ecom/v1/orders/search", json=by_external).json()["orders"]
    assert found["id"] == order["id"]
    payment = {
        "payments": [
            {
                "amount": {"amount": "59.80"},
                "regularPaymentDetails": {
                    "offlinePayment": True,
                    "paymentMethodName": {"userDefinedName": {"predefined": "CASH"}},
                },
            }
        ]
    }
    added = client.post(f"/ecom/v1/payments/orders/{order['id']}/add-payment", json=payment)
    assert added.status_code == 200 and len(added.json()["paymentsIds"]) == 1
    assert client.get(f"/ecom/v1/orders/{order['id']}").json()["order"]["paymentStatus"] == "PAID"


def test_draft_orders_leave_stock_alone_when_the_site_says_so(fake_wix: FakeWix) -> None:
    fake_wix.state.api_orders_move_stock = False
    product = next(iter(fake_wix.state.products.values()))
    line = {
        "catalogReference": {
            "catalogItemId": product.id,
            "appId": "215238eb-22a5-4c36-9e7b-e7c08025e04e",
            "options": {"variantId": product.variants[0].id},
        }
    }
    with httpx.Client(
        base_url=fake_wix.base_url, headers=fake_wix.headers, timeout=TIMEOUT
    ) as http:
        body = http.post("/ecom/v1/draft-orders", json={"draftOrder": {"catalogLineItems": [line]}})
        draft_id = body.json()["calculatedDraftOrder"]["draftOrder"]["id"]
        assert http.post(f"/ecom/v1/draft-orders/{draft_id}/create-order", json={}).is_success
    assert fake_wix.state.stock("TS-M") == 10


def test_cancel_restocks_once_and_comments(fake_wix: FakeWix, client: httpx.Client) -> None:
    order = fake_wix.state.sell_online([("TS-M", 4)])
    assert fake_wix.state.stock("TS-M") == 6
    url = f"/ecom/v1/orders/{order['id']}/cancel"
    body = {"id": order["id"], "restockAllItems": True, "customMessage": "Rupture"}
    assert client.post(url, json=body).json()["order"]["status"] == "CANCELED"
    again = client.post(url, json=body)
    assert again.status_code == 428 and fake_wix.state.stock("TS-M") == 10
    comments = {
        "orderActivities": [
            {
                "activityType": "MERCHANT_COMMENT",
                "merchantComment": {"message": "Échange T1-000123"},
            }
        ]
    }
    added = client.post(f"/ecom/v1/orders/{order['id']}/activities/add", json=comments)
    assert len(added.json()["activityIds"]) == 1
    comments["orderActivities"][0]["activityType"] = "ORDER_REFUNDED"
    refused = client.post(f"/ecom/v1/orders/{order['id']}/activities/add", json=comments)
    assert refused.json()["details"]["validationError"]["fieldViolations"][0]["violatedRule"] == (
        "INVALID_ENUM_VALUE"
    )


# ------------------------------------------------------------------ stock


def test_v3_patch_checks_the_revision(fake_wix: FakeWix, client: httpx.Client) -> None:
    item = item_id(client, "TS-L")
    url = f"/stores/v3/inventory-items/{item['id']}"
    change = {"inventoryItem": {"id": item["id"], "revision": item["revision"], "quantity": 5}}
    updated = client.patch(url, json=change).json()["inventoryItem"]
    assert (updated["quantity"], updated["revision"]) == (5, str(int(item["revision"]) + 1))
    stale = client.patch(url, json=change)
    assert stale.status_code == 409
    assert client.get(url).json()["inventoryItem"]["quantity"] == 5
    del change["inventoryItem"]["revision"]
    missing = client.patch(url, json=change)
    assert missing.status_code == 400 and "revision must not be empty" in missing.text
    fake_wix.state.set_stock("TS-L", 7)  # an online sale elsewhere bumps the revision too
    assert client.get(url).json()["inventoryItem"]["revision"] == str(int(item["revision"]) + 2)


def test_bulk_decrement_refuses_overselling_atomically(client: httpx.Client) -> None:
    tshirt_m, tshirt_l = item_id(client, "TS-M"), item_id(client, "TS-L")
    body = {
        "decrementData": [
            {"inventoryItemId": tshirt_m["id"], "decrementBy": 1},
            {"inventoryItemId": tshirt_l["id"], "decrementBy": 3},
        ]
    }
    url = "/stores/v3/bulk/inventory-items/decrement"
    refused = client.post(url, json=body)
    assert refused.status_code == 428
    assert refused.json()["details"]["applicationError"]["code"] == "INSUFFICIENT_INVENTORY"
    assert item_id(client, "TS-M")["quantity"] == 10
    assert client.post(url, json={**body, "restrictInventory": False}).is_success
    assert (item_id(client, "TS-M")["quantity"], item_id(client, "TS-L")["quantity"]) == (9, -1)
    by_variant = {"incrementData": [{"variantId": tshirt_l["variantId"], "incrementBy": 4}]}
    done = client.post(
        "/stores/v3/bulk/inventory-items/increment-by-variant-and-location",
        json={**by_variant, "returnEntity": True},
    ).json()
    assert done["results"][0]["item"]["quantity"] == 3
    barcode = {"search": {"filter": {"barcode": "3700000000028"}}}
    (variant,) = client.post("/stores/v3/products/search-variants", json=barcode).json()["variants"]
    assert variant["sku"] == "TS-L" and variant["price"]["actualPrice"]["amount"] == "29.90"


def test_v1_site_speaks_v1() -> None:
    with (
        FakeWix(catalog="V1") as fake_wix,
        httpx.Client(base_url=fake_wix.base_url, headers=fake_wix.headers, timeout=TIMEOUT) as http,
    ):
        product = fake_wix.state.add_product("Écharpe", [("ECH", "", "39.90", {}, 3)])
        assert http.get("/stores/v3/provision/version").json()["catalogVersion"] == "V1_CATALOG"
        assert http.post("/stores/v3/products/query", json={}).status_code == 428
        query = {
            "query": {
                "filter": '{"numericId": {"$gt": "0"}}',
                "sort": '[{"numericId": "asc"}]',
            },
            "includeVariants": True,
        }
        response = http.post("/stores-reader/v1/products/query", json=query)
        assert '"price": 39.90' in response.text  # a JSON number, exact
        (found,) = response.json()["products"]
        assert found["variants"][0]["id"] == "00000000-0000-0000-0000-000000000000"
        assert (
            http.post(
                "/stores-reader/v1/products/query", json={"query": {"filter": {"id": product.id}}}
            ).status_code
            == 400
        )
        entry = {"productId": product.id, "variantId": found["variants"][0]["id"]}
        dec = {"decrementData": [{**entry, "decrementBy": 4}]}
        assert http.post("/stores/v2/inventoryItems/decrement", json=dec).status_code == 428
        inc = {"incrementData": [{**entry, "incrementBy": 2}]}
        assert http.post("/stores/v2/inventoryItems/increment", json=inc).json() == {}
        items = http.post("/stores-reader/v2/inventoryItems/query", json={"query": {}}).json()
        assert items["inventoryItems"][0]["variants"][0]["quantity"] == 5
