CREATE VIEW "public"."parcel_items" AS (select si.shipment_id, si.order_item_id, si.quantity from shipment_items si
    union all
    select so.shipment_id, oi.id, oi.quantity
    from shipment_orders so
    join order_items oi on oi.order_id = so.order_id and not oi.is_virtual
    where not exists (select 1 from shipment_items x where x.shipment_id = so.shipment_id));