"""Who works where: authorities, schools, users and social workers' caseloads."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db.base import Base, Timestamped, enum_column, new_id
from api.models.enums import Role


class Authority(Base, Timestamped):
    __tablename__ = "authority"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))


class School(Base, Timestamped):
    __tablename__ = "school"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    authority_id: Mapped[str] = mapped_column(ForeignKey("authority.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    urn: Mapped[str | None] = mapped_column(String(20))


class User(Base, Timestamped):
    __tablename__ = "app_user"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    authority_id: Mapped[str] = mapped_column(ForeignKey("authority.id"), index=True)
    school_id: Mapped[str | None] = mapped_column(ForeignKey("school.id"), index=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    password_hash: Mapped[str] = mapped_column(String(200))
    # Where concern emails go (never the child's words); none means the in-app list alone.
    email: Mapped[str | None] = mapped_column(String(254))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Caseload(Base, Timestamped):
    """A social worker is responsible for a child: the only way a SW sees a child."""

    __tablename__ = "caseload"

    social_worker_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), primary_key=True)
