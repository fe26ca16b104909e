import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useUser } from '../../modules/auth/hooks/useSession';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const { logout } = useSession();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const initial = [...user.name.trim()][0] ?? '?';
  return (
    <div className="user-menu" ref={ref}>
      <button
        type="button"
        className="user-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {initial}
        </span>
        <span className="user-name">
          <span>{user.name}</span>
          <span className="muted small">{t(`role.${user.role}`)}</span>
        </span>
      </button>
      {open && (
        <div id={menuId} className="user-popover">
          <div className="user-popover-head">
            <strong>{user.name}</strong>
            <span className="muted small">{user.email}</span>
            <span className="small">{t(`role.${user.role}`)}</span>
          </div>
          <button type="button" className="btn btn-block" onClick={() => void logout()}>
            {t('shell.logout')}
          </button>
        </div>
      )}
    </div>
  );
}
