/** @module Russian word lists the demo draws names, titles and subjects from. */

/** Space-separated lists keep long vocabularies compact and stable under the formatter. */
function words(list: string): readonly string[] {
  return list.split(' ');
}

export const REGION_NAMES = [
  'Москва',
  'Санкт-Петербург',
  'Новосибирск',
  'Екатеринбург',
  'Казань',
  'Нижний Новгород',
  'Краснодар',
  'Самара',
];
/** Share of clients and managers per region, in {@link REGION_NAMES} order: Moscow dominates as in real Russian B2B. */
export const REGION_WEIGHTS = [0.3, 0.17, 0.1, 0.1, 0.09, 0.08, 0.09, 0.07];

/** The first four are the small scale's; a department named after a region staffs it from there. */
export const DEPARTMENT_NAMES = [
  'Отдел продаж Москва',
  'Корпоративные продажи',
  'Региональные продажи',
  'Интернет-продажи',
  'Отдел продаж Санкт-Петербург',
  'Отдел по работе с ключевыми клиентами',
  'Отдел телемаркетинга',
  'Отдел продаж Новосибирск',
  'Отдел продаж Екатеринбург',
  'Отдел продаж Краснодар',
  'Партнёрский канал',
  'Отдел развития бизнеса',
];

/** Male surname stems; the female form adds 'а' (Иванов → Иванова). */
export const SURNAMES = words(
  'Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв',
);
export const MALE_NAMES = words(
  'Александр Дмитрий Максим Сергей Андрей Алексей Артём Илья Кирилл Михаил Никита Матвей Роман Егор Арсений Иван Денис Евгений Тимофей Владимир Павел Олег Игорь Константин Антон',
);
export const FEMALE_NAMES = words(
  'Анна Мария Елена Ольга Наталья Екатерина Татьяна Ирина Светлана Юлия Анастасия Дарья Ксения Полина Виктория Алина Марина Валерия Софья Евгения Людмила Вера Надежда Кристина Галина',
);

export const COMPANY_FORMS = ['ООО', 'АО', 'ПАО', 'ЗАО', 'ИП'];
export const COMPANY_FORM_WEIGHTS = [0.68, 0.1, 0.03, 0.05, 0.14];
export const COMPANY_STEMS = words(
  'Альфа Вектор Гранит Дельта Евро Зенит Импульс Кварц Лидер Меридиан Нева Омега Прогресс Ресурс Сигма Техно Урал Феникс Центр Эталон Юг Сибирь Волга Гелиос Атлант Байкал Восток Север Ладога Орион',
);
export const COMPANY_SUFFIXES = words(
  'Строй Трейд Логистик Сервис Пром Маркет Агро Мед Энерго Софт Групп Металл Транс Инвест Консалт Снаб Холдинг Фарм Текс Лайн',
);

/** Product lines; the large scale multiplies them by {@link PRODUCT_TIERS}. */
export const PRODUCT_LINES: readonly { name: string; category: string; price: number }[] = [
  { name: 'Лицензия CRM', category: 'Лицензии', price: 48_000 },
  { name: 'Модуль аналитики', category: 'Лицензии', price: 36_000 },
  { name: 'IP-телефония', category: 'Лицензии', price: 18_000 },
  { name: 'Мобильное приложение', category: 'Лицензии', price: 24_000 },
  { name: 'Внедрение под ключ', category: 'Услуги', price: 240_000 },
  { name: 'Интеграция с 1С', category: 'Услуги', price: 120_000 },
  { name: 'Миграция данных', category: 'Услуги', price: 80_000 },
  { name: 'Техническая поддержка', category: 'Поддержка', price: 60_000 },
  { name: 'Облачное хранилище', category: 'Поддержка', price: 15_000 },
  { name: 'Обучение персонала', category: 'Обучение', price: 35_000 },
  { name: 'Сервер в аренду', category: 'Оборудование', price: 150_000 },
  { name: 'IP-телефон', category: 'Оборудование', price: 9_500 },
];
export const PRODUCT_TIERS = ['Бизнес', 'Старт', 'Профи', 'Корпорация', 'Премиум'];
export const PRODUCT_TIER_PRICE = [1, 0.55, 1.6, 2.8, 4.2];

export const CAMPAIGN_CHANNELS = ['email', 'webinar', 'exhibition', 'context_ads', 'social', 'referral'] as const;
export const CAMPAIGN_TITLES: Record<(typeof CAMPAIGN_CHANNELS)[number], readonly string[]> = {
  email: ['Рассылка «Новые возможности CRM»', 'Рассылка для постоянных клиентов', 'Письмо «Скидка на продление»'],
  webinar: ['Вебинар «CRM для отдела продаж»', 'Вебинар «Аналитика звонков»', 'Вебинар «Автоматизация воронки»'],
  exhibition: ['Выставка «Связь»', 'Выставка CRM Expo', 'Форум «Цифровая торговля»'],
  context_ads: ['Контекстная реклама «Внедрение CRM»', 'Контекстная реклама «IP-телефония»', 'Поисковая кампания «CRM для бизнеса»'],
  social: ['Таргет в соцсетях «Малый бизнес»', 'Продвижение в Telegram', 'Кампания ВКонтакте «Кейсы клиентов»'],
  referral: ['Программа «Приведи друга»', 'Партнёрская программа интеграторов', 'Реферальная программа для клиентов'],
};
export const MONTH_NAMES = words('январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь');

export const ACTIVITY_SUBJECTS: Record<'call' | 'meeting' | 'email' | 'task', readonly string[]> = {
  call: ['Звонок: уточнить потребности', 'Повторный звонок', 'Звонок по счёту', 'Звонок: обратная связь по КП', 'Холодный звонок'],
  meeting: [
    'Встреча: презентация продукта',
    'Встреча с ЛПР',
    'Демонстрация системы',
    'Встреча по продлению договора',
    'Обсуждение условий',
  ],
  email: [
    'Отправить коммерческое предложение',
    'Отправить договор на согласование',
    'Письмо с материалами вебинара',
    'Ответить на запрос клиента',
  ],
  task: [
    'Подготовить договор',
    'Выставить счёт',
    'Согласовать скидку с руководителем',
    'Обновить карточку клиента',
    'Подготовить отчёт по сделке',
  ],
};

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Latin spelling for e-mail addresses ('Фёдорова' → 'fedorova'). */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += TRANSLIT[ch] ?? ch;
  return out;
}
