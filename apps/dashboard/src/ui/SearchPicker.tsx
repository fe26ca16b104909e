import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from './States';

interface SearchPickerProps<T> {
  label: string;
  placeholder?: string;
  text: string;
  onTextChange: (text: string) => void;
  items: readonly T[];
  loading?: boolean;
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  onSelect: (item: T) => void;
  /** Shown under the list when text is long enough but nothing matched. */
  minChars?: number;
  hideLabel?: boolean;
  id?: string;
  /** Shown when nothing matched; null hides the list instead. */
  emptyText?: string | null;
  /** A heading for the list of matches. */
  listLabel?: string;
}

/** A text box that searches as you type and offers matches (ARIA combobox: arrows, Enter, Esc). */
export function SearchPicker<T>({
  label,
  placeholder,
  text,
  onTextChange,
  items,
  loading,
  itemKey,
  renderItem,
  onSelect,
  minChars = 1,
  hideLabel,
  id,
  emptyText,
  listLabel,
}: SearchPickerProps<T>) {
  const { t } = useTranslation();
  const autoId = useId();
  const inputId = id ?? `${autoId}-input`;
  const listId = `${autoId}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const showList = open && text.trim().length >= minChars && (items.length > 0 || emptyText !== null);

  const choose = (item: T) => {
    onSelect(item);
    setOpen(false);
  };

  return (
    <div className="picker">
      <label htmlFor={inputId} className={hideLabel ? 'sr-only' : 'field-label'}>
        {label}
      </label>
      <div className="picker-input">
        <input
          id={inputId}
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && items[active] ? `${listId}-${active}` : undefined}
          autoComplete="off"
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            onTextChange(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, items.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter' && showList && items[active]) {
              e.preventDefault();
              choose(items[active]);
            } else if (e.key === 'Escape') {
              setOpen(false);
            }
          }}
        />
        {loading && <Spinner small />}
      </div>
      {showList && (
        <ul id={listId} role="listbox" className="picker-list" aria-label={listLabel ?? label}>
          {listLabel && (
            <li role="presentation" className="picker-heading">
              {listLabel}
            </li>
          )}
          {items.map((item, i) => (
            <li
              key={itemKey(item)}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(item);
              }}
              onMouseEnter={() => setActive(i)}
              aria-posinset={i + 1}
            >
              {renderItem(item)}
            </li>
          ))}
          {!loading && items.length === 0 && <li className="picker-empty">{emptyText ?? t('common.noMatches')}</li>}
        </ul>
      )}
    </div>
  );
}
