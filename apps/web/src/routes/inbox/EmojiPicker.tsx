import { Smile } from 'lucide-react';
import { Button } from '@/components/ui/button.tsx';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover.tsx';

const emojis =
  '😀 😁 😂 🤣 😊 😍 😘 😉 😎 🤩 🙂 🤗 🤔 😅 😬 🙄 😴 😢 😭 😡 😱 🥳 😇 🤝 👍 👎 👏 🙌 🙏 💪 👋 ✌️ 👌 👉 ☝️ ✅ ❌ ⚠️ ❤️ 💚 💙 💛 🔥 ⭐ ✨ 🎉 🎁 💰 💵 💳 🛒 📦 🚚 📍 📅 ⏰ 📞 📱 💬 📄 📎 🔗 🏠 🏢 ☕ 🍕 🎯 🚀 💡 📈 🆗 🆕 ℹ️'.split(
    ' ',
  );

/** A small grid of the emojis sales chats use most (no emoji data download). */
export function EmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="shrink-0 text-slate-500"
          aria-label="Emojis"
          title="Emojis"
        >
          <Smile className="size-5!" aria-hidden="true" />
        </Button>
      </PopoverTrigger>
      <PopoverContent side="top" align="start" className="w-auto p-2">
        <div className="grid grid-cols-8 gap-0.5">
          {emojis.map((emoji) => (
            <button
              key={emoji}
              type="button"
              onClick={() => onPick(emoji)}
              className="flex size-8 items-center justify-center rounded-md text-lg hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-ring"
              aria-label={emoji}
            >
              {emoji}
            </button>
          ))}
        </div>
      </PopoverContent>
    </Popover>
  );
}
