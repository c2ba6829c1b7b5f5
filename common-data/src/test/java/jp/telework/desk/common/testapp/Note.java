package jp.telework.desk.common.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The effect in the test application: one row per applied event (id = CloudEvents id) or executed request. */
@Entity
@Table(name = "test_note")
public class Note extends PanacheEntityBase {
    @Id
    public String id;
    public String text;
}
