-- Announce the seeded contact points through the outbox, like every later change.
INSERT INTO outbox_event (id, topic, event_key, type, subject, occurred_at, payload)
SELECT gen_random_uuid(), 'contact-points.events', code, 'contact-point.changed.v1', code, now(),
       json_build_object('code', code, 'region', region, 'modes', to_json(modes),
                         'faceToFaceAvailable', 'IN_PERSON' = ANY (modes), 'active', active,
                         'latitude', latitude, 'longitude', longitude)::text
FROM contact_point
ORDER BY code;
