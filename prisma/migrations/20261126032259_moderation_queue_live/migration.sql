-- A course's moderation queue is live: whatever may change it announces the course on the
-- channel hashiya_moderation once its transaction commits (ids only, as on every channel;
-- the staff's pages read the queue again, through its authorised query). Triggers, so no
-- write path can forget: flags raised or resolved, moderation actions, posts held for approval.
CREATE FUNCTION hashiya_moderation_queue_of_course() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hashiya_moderation', NEW.course_id);
  RETURN NULL;
END
$$;

CREATE FUNCTION hashiya_moderation_queue_of_annotation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hashiya_moderation', (SELECT course_id FROM texts WHERE id = NEW.text_id));
  RETURN NULL;
END
$$;

CREATE FUNCTION hashiya_moderation_queue_of_reply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hashiya_moderation', (
    SELECT t.course_id FROM annotations a JOIN texts t ON t.id = a.text_id
    WHERE a.id = NEW.annotation_id
  ));
  RETURN NULL;
END
$$;

CREATE TRIGGER flags_moderation_queue AFTER INSERT OR UPDATE ON "flags"
  FOR EACH ROW EXECUTE FUNCTION hashiya_moderation_queue_of_course();

CREATE TRIGGER moderation_actions_moderation_queue AFTER INSERT ON "moderation_actions"
  FOR EACH ROW EXECUTE FUNCTION hashiya_moderation_queue_of_course();

-- Only held posts concern the queue: the common write (a visible post) pays nothing.
CREATE TRIGGER annotations_moderation_queue AFTER INSERT OR UPDATE OF moderation_state, deleted_at
  ON "annotations" FOR EACH ROW WHEN (NEW.moderation_state = 'pending')
  EXECUTE FUNCTION hashiya_moderation_queue_of_annotation();

CREATE TRIGGER replies_moderation_queue AFTER INSERT OR UPDATE OF moderation_state, deleted_at
  ON "replies" FOR EACH ROW WHEN (NEW.moderation_state = 'pending')
  EXECUTE FUNCTION hashiya_moderation_queue_of_reply();
