package jp.telework.desk.seminar.domain;

/** What a seminar is about (the consultation vocabulary plus regional telework / workation). */
public enum Topic {
    ICT_ENVIRONMENT, SECURITY, LABOR_MANAGEMENT, GENERAL_INTRODUCTION, WORKATION, OTHER
}
